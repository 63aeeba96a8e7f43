import { committees, eq } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { AppError } from "../model/errors";
import { checkAdminExclusive, type ScopedRole, sameGrant, scopeRole } from "./account-roles";
import { checkAdminSeparation, createAccount, type RoleInput } from "./create-account";
import { presentAccount } from "./present-account";

export interface ProvisionAccountInput {
  username: string;
  displayName: string;
  password: string;
  committeeId: string | null;
  roles: RoleInput[];
}

/**
 * Opens an account (sysAdmin) with its first roles, each scoped (see scopeRole), keeping the
 * separation of the three installation administrators.
 */
export async function provisionAccount(ctx: Ctx, input: ProvisionAccountInput) {
  if (!hasRole(ctx.actor, "sysAdmin")) throw new AppError("auth.forbidden");
  checkAdminSeparation(input.roles);
  checkAdminExclusive(input.roles);
  return inTransaction(ctx, async (tx) => {
    if (input.committeeId) {
      const [committee] = await tx.select().from(committees).where(eq(committees.id, input.committeeId));
      if (!committee) throw new AppError("committee.not_found");
    }
    const scoped: ScopedRole[] = [];
    for (const role of input.roles) {
      const s = await scopeRole(tx, input.committeeId, role);
      if (scoped.some((x) => sameGrant(x, s))) throw new AppError("account.role_exists");
      scoped.push(s);
    }
    const account = await createAccount(tx, ctx.actor, { ...input, roles: scoped });
    return presentAccount(tx, account);
  });
}
