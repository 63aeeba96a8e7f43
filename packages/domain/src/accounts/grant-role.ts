import { accounts, and, count, eq, ne, roleAssignments, type Tx } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { checkAdminExclusive, isInstallationRole, sameGrant, scopeRole } from "./account-roles";
import { assignRole, type RoleInput } from "./create-account";
import { presentAccount } from "./present-account";

async function loadAccount(tx: Tx, accountId: string) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!account) throw new AppError("account.not_found");
  return account;
}

/** Gives an account a role with its scope (securityAdmin). */
export async function grantRole(ctx: Ctx, accountId: string, input: RoleInput) {
  if (!hasRole(ctx.actor, "securityAdmin")) throw new AppError("auth.forbidden");
  return inTransaction(ctx, async (tx) => {
    const account = await loadAccount(tx, accountId);
    const existing = await tx.select().from(roleAssignments).where(eq(roleAssignments.accountId, accountId));
    const scoped = await scopeRole(tx, account.committeeId, input);
    if (existing.some((e) => sameGrant(scoped, e))) throw new AppError("account.role_exists");
    checkAdminExclusive([...existing, scoped]);
    await assignRole(tx, ctx.actor, accountId, scoped);
    return presentAccount(tx, account);
  });
}

/** Other enabled accounts holding the role: an installation role must keep at least one. */
async function otherHolders(tx: Tx, role: string, accountId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(
      and(
        eq(roleAssignments.role, role),
        ne(roleAssignments.accountId, accountId),
        eq(accounts.disabled, false),
      ),
    );
  return row?.n ?? 0;
}

/** Throws account.last_admin when the account is the last enabled holder of an installation role. */
export async function assertNotLastAdmin(tx: Tx, accountId: string, roles: readonly string[]) {
  for (const role of roles) {
    if (isInstallationRole(role) && (await otherHolders(tx, role, accountId)) === 0) {
      throw new AppError("account.last_admin");
    }
  }
}

/** Takes a role away from an account (securityAdmin); the change applies to its next request. */
export async function revokeRole(ctx: Ctx, accountId: string, roleId: string) {
  if (!hasRole(ctx.actor, "securityAdmin")) throw new AppError("auth.forbidden");
  return inTransaction(ctx, async (tx) => {
    const account = await loadAccount(tx, accountId);
    const [grant] = await tx
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, roleId), eq(roleAssignments.accountId, accountId)));
    if (!grant) throw new AppError("account.role_not_found");
    await assertNotLastAdmin(tx, accountId, [grant.role]);
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, roleId));
    await recordAudit(tx, ctx.actor, {
      action: "account.revoke_role",
      entity: "account",
      entityId: accountId,
      committeeId: account.committeeId,
      summary: { role: grant.role, committeeId: grant.committeeId, targetId: grant.targetId },
    });
    return presentAccount(tx, account);
  });
}
