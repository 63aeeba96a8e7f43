import type { Role } from "../model/roles";

/** One role the actor holds, with its scope. */
export interface RoleGrant {
  role: Role;
  /** null for installation roles. */
  committeeId: string | null;
  /** Group roles: the group and its round. */
  groupId?: string;
  roundId?: string;
  /** targetContact: the target. */
  targetId?: string;
  /** partnerDept: the partner department (partner_departments) the account answers for. */
  partnerDepartmentId?: string;
  /** officeStaff: the office head may read clues. */
  isHead?: boolean;
  /** A grant that only reads: the leading group over lower committees (ROLES.md). */
  readOnly?: boolean;
}

/** Who is acting: an account with its roles, or the system itself (CLI, jobs, demo loader). */
export interface Actor {
  kind: "account" | "system";
  accountId: string | null;
  name: string;
  /** The account's home committee; null for installation administrators and the system. */
  committeeId: string | null;
  grants: RoleGrant[];
}

export const systemActor = (name = "系统"): Actor => ({
  kind: "system",
  accountId: null,
  name,
  committeeId: null,
  grants: [],
});

export function hasRole(actor: Actor, role: Role, committeeId?: string): boolean {
  return actor.grants.some(
    (g) => g.role === role && (committeeId === undefined || g.committeeId === committeeId),
  );
}

export function hasAnyRole(actor: Actor, roles: readonly Role[], committeeId?: string): boolean {
  return roles.some((r) => hasRole(actor, r, committeeId));
}
