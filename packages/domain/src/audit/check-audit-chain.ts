import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { assertAuditAdmin } from "./list-audit-entries";
import { recordAudit } from "./record-audit";
import { type ChainVerdict, verifyAuditChain } from "./verify-audit-chain";

/**
 * Verifies the whole audit chain (auditAdmin) and records that it was verified, with the verdict.
 * A broken chain names the first entry whose link or content does not match.
 */
export async function checkAuditChain(ctx: Ctx): Promise<ChainVerdict> {
  assertAuditAdmin(ctx);
  const verdict = await verifyAuditChain(ctx.db);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: "audit.verify",
      entity: "audit_log",
      summary: {
        ok: verdict.ok,
        entries: verdict.entries,
        ...(verdict.firstBroken ? { firstBroken: verdict.firstBroken } : {}),
      },
    }),
  );
  return verdict;
}
