import { settings, sql } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { getSecurityPolicy, type SecurityPolicy } from "../auth/settings";
import { AppError } from "../model/errors";

/** Bounds of the policy: GB/T 22239 asks for complex passwords and a lockout after failures. */
export const SECURITY_POLICY_BOUNDS: Record<keyof SecurityPolicy, readonly [number, number]> = {
  maxFailedLogins: [3, 20],
  lockoutMinutes: [1, 1440],
  minPasswordLength: [8, 64],
};

const LABELS: Record<keyof SecurityPolicy, string> = {
  maxFailedLogins: "连续登录失败锁定次数",
  lockoutMinutes: "锁定时长（分钟）",
  minPasswordLength: "密码最小长度",
};

/** The password and lockout policy (securityAdmin). */
export async function getSecuritySettings(ctx: Ctx): Promise<SecurityPolicy> {
  if (!hasRole(ctx.actor, "securityAdmin")) throw new AppError("auth.forbidden");
  return getSecurityPolicy(ctx.db);
}

/** Sets the password and lockout policy (securityAdmin); the change is audited with both values. */
export async function updateSecuritySettings(ctx: Ctx, input: SecurityPolicy): Promise<SecurityPolicy> {
  if (!hasRole(ctx.actor, "securityAdmin")) throw new AppError("auth.forbidden");
  for (const key of Object.keys(SECURITY_POLICY_BOUNDS) as (keyof SecurityPolicy)[]) {
    const [min, max] = SECURITY_POLICY_BOUNDS[key];
    const value = input[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new AppError("request.invalid", `${LABELS[key]}应为 ${min} 至 ${max} 之间的整数`);
    }
  }
  const next: SecurityPolicy = {
    maxFailedLogins: input.maxFailedLogins,
    lockoutMinutes: input.lockoutMinutes,
    minPasswordLength: input.minPasswordLength,
  };
  return inTransaction(ctx, async (tx) => {
    const before = await getSecurityPolicy(tx);
    await tx
      .insert(settings)
      .values({ key: "securityPolicy", value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
    await recordAudit(tx, ctx.actor, {
      action: "settings.security_update",
      entity: "settings",
      entityId: "securityPolicy",
      summary: { from: before, to: next },
    });
    return next;
  });
}
