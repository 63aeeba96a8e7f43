import type { AssignableRole, CommitteeLevel, Role } from "@xuncha/domain/model";

/** GET /api/committees items: a tree of committees (upper → lower). */
export interface CommitteeNode {
  id: string;
  name: string;
  level: CommitteeLevel;
  levelLabel?: string;
  parentId: string | null;
  children?: CommitteeNode[];
}

/** GET /api/committees */
export interface CommitteeTree {
  items: CommitteeNode[];
  abilities?: { create: boolean };
}

/** A committee in a flat list, with its depth in the tree and its upper committee's name. */
export interface Committee extends CommitteeNode {
  depth: number;
  parentName: string | null;
}

/** The tree in display order (each committee followed by its lower ones). */
export function flattenCommittees(
  nodes: CommitteeNode[] | undefined,
  depth = 0,
  parentName: string | null = null,
): Committee[] {
  return (nodes ?? []).flatMap((n) => [
    { ...n, depth, parentName },
    ...flattenCommittees(n.children, depth + 1, n.name),
  ]);
}

export interface RoleAssignment {
  id: string;
  role: Role;
  label?: string;
  committeeId: string | null;
  committeeName?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  partnerDepartmentId?: string | null;
  isHead?: boolean;
}

/** GET /api/accounts */
export interface AccountList {
  items: Account[];
  total: number;
  abilities?: { create: boolean; disable: boolean; assignRoles: boolean };
}

/** GET /api/accounts items */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  committeeId: string | null;
  committeeName?: string | null;
  disabled: boolean;
  /** Where outbound email and SMS go (督办 messages); none: skipped. */
  email?: string | null;
  mobile?: string | null;
  lockedUntil?: string | null;
  createdAt?: string;
  roles: RoleAssignment[];
}

export interface RoleInput {
  role: AssignableRole;
  committeeId?: string | null;
  targetId?: string | null;
  /** partnerDept: the partner department (联席会成员单位) the account answers for. */
  partnerDepartmentId?: string | null;
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
