import { accounts, eq, roleAssignments, sessions } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { assertNotLastAdmin } from "./grant-role";
import { presentAccount } from "./present-account";

/**
 * Disables or re-enables an account (sysAdmin). Disabling ends its sessions at once; nobody
 * disables their own account or the last enabled holder of an installation role.
 */
export async function setAccountDisabled(ctx: Ctx, accountId: string, disabled: boolean) {
  if (!hasRole(ctx.actor, "sysAdmin")) throw new AppError("auth.forbidden");
  if (disabled && accountId === ctx.actor.accountId) throw new AppError("account.cannot_disable_self");
  return inTransaction(ctx, async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) throw new AppError("account.not_found");
    if (disabled) {
      const roles = await tx.select().from(roleAssignments).where(eq(roleAssignments.accountId, accountId));
      await assertNotLastAdmin(
        tx,
        accountId,
        roles.map((r) => r.role),
      );
      await tx.delete(sessions).where(eq(sessions.accountId, accountId));
    }
    const [row] = await tx.update(accounts).set({ disabled }).where(eq(accounts.id, accountId)).returning();
    if (!row) throw new AppError("internal");
    await recordAudit(tx, ctx.actor, {
      action: disabled ? "account.disable" : "account.enable",
      entity: "account",
      entityId: accountId,
      committeeId: account.committeeId,
      summary: { username: account.username },
    });
    return presentAccount(tx, row);
  });
}
