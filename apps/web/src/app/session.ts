import type { Role } from "@xuncha/domain/model";

/** The modules of the app (packages/domain/src/access/menu.ts), in menu order. */
export type ModuleKey =
  | "dashboard"
  | "targets"
  | "personnel"
  | "planning"
  | "rounds"
  | "fieldwork"
  | "briefings"
  | "tips"
  | "findings"
  | "reports"
  | "clues"
  | "rectification"
  | "reviews"
  | "committees"
  | "accounts"
  | "audit";

export interface Grant {
  role: Role;
  label: string;
  committeeId: string | null;
  groupId?: string;
  roundId?: string;
  targetId?: string;
  isHead?: boolean;
}

/** GET /api/auth/me */
export interface Me {
  account: { id: string; name: string; committeeId: string | null; committeeName: string | null };
  grants: Grant[];
  menu: ModuleKey[];
  csrfToken: string;
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && me.grants.some((g) => roles.includes(g.role));
}

/** Role labels to show in the header: distinct, in grant order. */
export function roleLabels(me: Me): string[] {
  return [...new Set(me.grants.map((g) => g.label))];
}

/** The group grants (leader, deputy, member) of the actor. */
export function groupGrants(me: Me | null | undefined): Grant[] {
  return (me?.grants ?? []).filter(
    (g) => (g.role === "groupLeader" || g.role === "groupDeputy" || g.role === "groupMember") && g.groupId,
  );
}
