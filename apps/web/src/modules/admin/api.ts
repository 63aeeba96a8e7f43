import type { AssignableRole, CommitteeLevel, Role } from "@xuncha/domain/model";

/** GET /api/committees items */
export interface Committee {
  id: string;
  name: string;
  level: CommitteeLevel;
  parentId: string | null;
  parentName?: string | null;
}

export interface RoleAssignment {
  id: string;
  role: Role;
  label?: string;
  committeeId: string | null;
  committeeName?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  isHead?: boolean;
}

/** GET /api/accounts items */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  committeeId: string | null;
  committeeName?: string | null;
  disabled: boolean;
  lockedUntil?: string | null;
  createdAt?: string;
  roles: RoleAssignment[];
}

export interface RoleInput {
  role: AssignableRole;
  committeeId?: string | null;
  targetId?: string | null;
  isHead?: boolean;
}

/** GET/PUT /api/settings/security */
export interface SecurityPolicy {
  maxFailedLogins: number;
  lockoutMinutes: number;
  minPasswordLength: number;
}

/** Installation roles carry no committee; the others are scoped to one. */
export const INSTALLATION_ROLES: readonly Role[] = ["sysAdmin", "securityAdmin", "auditAdmin"];
