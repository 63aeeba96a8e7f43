import { and, committees, eq, partnerDepartments, type Tx, targets } from "@xuncha/db";
import { AppError } from "../model/errors";
import { INSTALLATION_ADMIN_ROLES } from "../model/roles";
import type { RoleInput } from "./create-account";

export const isInstallationRole = (role: string) =>
  (INSTALLATION_ADMIN_ROLES as readonly string[]).includes(role);

/**
 * An installation administrator (sysAdmin, securityAdmin, auditAdmin) has no access to business
 * records (ROLES.md), so its account holds no business role either.
 */
export function checkAdminExclusive(roles: readonly { role: string }[]): void {
  const admin = roles.some((r) => isInstallationRole(r.role));
  if (admin && roles.some((r) => !isInstallationRole(r.role)))
    throw new AppError("account.admin_role_exclusive");
}

export interface ScopedRole {
  role: RoleInput["role"];
  committeeId: string | null;
  targetId: string | null;
  partnerDepartmentId: string | null;
  isHead: boolean;
}

/**
 * Settles a role's scope: none for the installation roles; a committee (the account's own by
 * default) for the others, which must exist; for a target's contact, a target of that committee.
 */
export async function scopeRole(
  tx: Tx,
  accountCommitteeId: string | null,
  input: RoleInput,
): Promise<ScopedRole> {
  if (isInstallationRole(input.role))
    return { role: input.role, committeeId: null, targetId: null, partnerDepartmentId: null, isHead: false };
  const committeeId = input.committeeId ?? accountCommitteeId;
  if (!committeeId) throw new AppError("account.scope_required");
  const [committee] = await tx
    .select({ id: committees.id })
    .from(committees)
    .where(eq(committees.id, committeeId));
  if (!committee) throw new AppError("committee.not_found");
  let targetId: string | null = null;
  if (input.role === "targetContact") {
    if (!input.targetId) throw new AppError("account.scope_required");
    const [target] = await tx
      .select({ id: targets.id })
      .from(targets)
      .where(and(eq(targets.id, input.targetId), eq(targets.committeeId, committeeId)));
    if (!target) throw new AppError("target.not_found");
    targetId = target.id;
  }
  // A partner department's account answers briefings for one department of the committee.
  let partnerDepartmentId: string | null = null;
  if (input.role === "partnerDept" && input.partnerDepartmentId) {
    const [department] = await tx
      .select({ id: partnerDepartments.id })
      .from(partnerDepartments)
      .where(
        and(
          eq(partnerDepartments.id, input.partnerDepartmentId),
          eq(partnerDepartments.committeeId, committeeId),
        ),
      );
    if (!department) throw new AppError("partner_department.not_found");
    partnerDepartmentId = department.id;
  }
  return {
    role: input.role,
    committeeId,
    targetId,
    partnerDepartmentId,
    // The office head (主任) reads clues; a target's principal (主要负责人) signs off its rectification plan.
    isHead: (input.role === "officeStaff" || input.role === "targetContact") && input.isHead === true,
  };
}

export const sameGrant = (a: ScopedRole, b: Omit<ScopedRole, "role"> & { role: string }) =>
  a.role === b.role &&
  a.committeeId === b.committeeId &&
  a.targetId === b.targetId &&
  a.partnerDepartmentId === b.partnerDepartmentId;
