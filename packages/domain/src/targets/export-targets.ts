import { targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { writeLedger } from "../ledgers/write-ledger";
import type { TargetCategory } from "../model/enums";
import { TARGET_ORDER, type TargetFilters, targetConditions } from "./list-targets";
import { TARGET_LEDGER, type TargetLedgerRow } from "./target-ledger";

export const TARGETS_EXPORT_FILENAME = "被巡察对象库.xlsx";

/**
 * The visible targets matching the filters as an .xlsx in the registry's layout (the import's
 * layout: an export can be edited and imported elsewhere). The export is audited with its count.
 */
export async function exportTargets(ctx: Ctx, filters: TargetFilters) {
  const rows = await ctx.db
    .select()
    .from(targets)
    .where(targetConditions(ctx, filters))
    .orderBy(...TARGET_ORDER);
  const ledgerRows: TargetLedgerRow[] = rows.map((r) => ({
    name: r.name,
    orgForm: r.orgForm,
    parentOrgName: r.parentOrgName,
    sector: r.sector,
    principal: r.principal,
    leaders: r.leaders,
    phone: r.phone,
    lastInspectedOn: r.lastInspectedOn,
    lastRoundLabel: r.lastRoundLabel,
    category: r.category as TargetCategory,
  }));
  const buffer = await writeLedger(TARGET_LEDGER, ledgerRows, { title: "被巡察对象库" });
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: "target.export",
      entity: "target",
      committeeId: ctx.actor.committeeId,
      summary: { count: rows.length, filters: { ...filters } },
    }),
  );
  return { buffer, fileName: TARGETS_EXPORT_FILENAME, count: rows.length };
}
