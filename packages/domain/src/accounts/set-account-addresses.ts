import { accounts, eq } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { presentAccount } from "./present-account";

export interface AccountAddresses {
  /** Where outbound email goes; null: none (email to the account is skipped). */
  email: string | null;
  /** Where outbound SMS goes; null: none. */
  mobile: string | null;
}

/** The system administrator records an account's email and mobile number for outbound messages. */
export async function setAccountAddresses(ctx: Ctx, accountId: string, input: AccountAddresses) {
  if (!hasRole(ctx.actor, "sysAdmin")) throw new AppError("auth.forbidden");
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!before) throw new AppError("account.not_found");
    const email = input.email?.trim() || null;
    const mobile = input.mobile?.trim() || null;
    const [row] = await tx
      .update(accounts)
      .set({ email, mobile })
      .where(eq(accounts.id, accountId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "account.addresses",
      entity: "account",
      entityId: accountId,
      committeeId: before.committeeId,
      summary: {
        username: before.username,
        from: { email: before.email, mobile: before.mobile },
        to: { email, mobile },
      },
    });
    return presentAccount(tx, row!);
  });
}
