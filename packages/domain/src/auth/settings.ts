import { eq, settings, type Tx } from "@xuncha/db";

export interface SecurityPolicy {
  maxFailedLogins: number;
  lockoutMinutes: number;
  minPasswordLength: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  minPasswordLength: 10,
};

/** The installation's password and lockout policy (set by the securityAdmin). */
export async function getSecurityPolicy(tx: Tx): Promise<SecurityPolicy> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, "securityPolicy"));
  return { ...DEFAULT_SECURITY_POLICY, ...((row?.value as Partial<SecurityPolicy>) ?? {}) };
}
