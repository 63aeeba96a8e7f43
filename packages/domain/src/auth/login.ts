import { accounts, type Db, eq, sql } from "@xuncha/db";
import { systemActor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";
import { getSecurityPolicy } from "./settings";

/**
 * Checks a username and password. After the policy's number of failures in a row the account is
 * locked for the policy's minutes. Failures and successes are audited (without the password).
 */
export async function login(db: Db, input: { username: string; password: string }, now = new Date()) {
  const policy = await getSecurityPolicy(db);
  const [account] = await db
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.username})`, input.username.trim().toLowerCase()));
  if (!account) throw new AppError("auth.invalid_credentials");
  if (account.disabled) throw new AppError("auth.disabled");
  if (account.lockedUntil && account.lockedUntil > now) {
    const minutes = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError("auth.locked", `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  const ok = await verifyPassword(account.passwordHash, input.password);
  const actor = { ...systemActor(account.displayName), accountId: account.id };
  if (!ok) {
    const failed = account.failedLogins + 1;
    const lock = failed >= policy.maxFailedLogins;
    await db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(now.getTime() + policy.lockoutMinutes * 60000) : null,
        })
        .where(eq(accounts.id, account.id));
      await recordAudit(tx, actor, {
        action: lock ? "auth.locked" : "auth.login_failed",
        entity: "account",
        entityId: account.id,
        committeeId: account.committeeId,
        summary: { failedLogins: failed },
      });
    });
    if (lock) throw new AppError("auth.locked", `登录失败次数过多，账号已锁定 ${policy.lockoutMinutes} 分钟`);
    throw new AppError("auth.invalid_credentials");
  }
  return db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    const session = await createSession(tx, account.id, now);
    await recordAudit(tx, actor, {
      action: "auth.login",
      entity: "account",
      entityId: account.id,
      committeeId: account.committeeId,
    });
    return { accountId: account.id, ...session };
  });
}
