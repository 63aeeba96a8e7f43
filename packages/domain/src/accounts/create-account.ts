import { accounts, eq, roleAssignments, sql, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, passwordProblems } from "../auth/password";
import { getSecurityPolicy } from "../auth/settings";
import { AppError } from "../model/errors";
import { type AssignableRole, INSTALLATION_ADMIN_ROLES } from "../model/roles";

export interface RoleInput {
  role: AssignableRole;
  committeeId?: string | null;
  targetId?: string | null;
  /** partnerDept: the partner department of the committee the account answers for. */
  partnerDepartmentId?: string | null;
  isHead?: boolean;
}

/** 三员分立: the set of roles must not contain two installation administrator roles. */
export function checkAdminSeparation(roles: readonly { role: string }[]): void {
  const admin = new Set(
    roles.map((r) => r.role).filter((r) => (INSTALLATION_ADMIN_ROLES as readonly string[]).includes(r)),
  );
  if (admin.size > 1) throw new AppError("account.admin_separation");
}

/** Creates an account with its roles, after checking the password rules and the admin separation. */
export async function createAccount(
  tx: Tx,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    password: string;
    committeeId: string | null;
    roles: RoleInput[];
  },
) {
  const policy = await getSecurityPolicy(tx);
  const problems = passwordProblems(input.password, policy.minPasswordLength);
  if (problems.length)
    throw new AppError("account.password_weak", `密码不符合规则：${problems.join("；")}`, { problems });
  checkAdminSeparation(input.roles);
  const [taken] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.username})`, input.username.trim().toLowerCase()));
  if (taken) throw new AppError("account.username_taken");
  const [account] = await tx
    .insert(accounts)
    .values({
      username: input.username.trim(),
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      committeeId: input.committeeId,
    })
    .returning();
  if (!account) throw new AppError("internal");
  if (input.roles.length) {
    await tx.insert(roleAssignments).values(
      input.roles.map((r) => ({
        accountId: account.id,
        role: r.role,
        committeeId: (INSTALLATION_ADMIN_ROLES as readonly string[]).includes(r.role)
          ? null
          : (r.committeeId ?? input.committeeId),
        targetId: r.targetId ?? null,
        partnerDepartmentId: r.role === "partnerDept" ? (r.partnerDepartmentId ?? null) : null,
        isHead: r.isHead ?? false,
      })),
    );
  }
  await recordAudit(tx, actor, {
    action: "account.create",
    entity: "account",
    entityId: account.id,
    committeeId: input.committeeId,
    summary: { username: account.username, roles: input.roles.map((r) => r.role) },
  });
  return account;
}

/** Adds a role to an existing account (securityAdmin), keeping the admin separation. */
export async function assignRole(tx: Tx, actor: Actor, accountId: string, input: RoleInput) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError("account.not_found");
  const existing = await tx.select().from(roleAssignments).where(eq(roleAssignments.accountId, accountId));
  checkAdminSeparation([...existing, input]);
  const isAdmin = (INSTALLATION_ADMIN_ROLES as readonly string[]).includes(input.role);
  await tx.insert(roleAssignments).values({
    accountId,
    role: input.role,
    committeeId: isAdmin ? null : (input.committeeId ?? account.committeeId),
    targetId: input.targetId ?? null,
    partnerDepartmentId: input.role === "partnerDept" ? (input.partnerDepartmentId ?? null) : null,
    isHead: input.isHead ?? false,
  });
  await recordAudit(tx, actor, {
    action: "account.assign_role",
    entity: "account",
    entityId: accountId,
    committeeId: account.committeeId,
    summary: { role: input.role },
  });
}
