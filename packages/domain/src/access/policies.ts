import { and, eq, findings, inArray, isNotNull, ne, or, type SQL, sql } from "@xuncha/db";
import { AppError, type ErrorCode } from "../model/errors";
import type { Role } from "../model/roles";
import type { Actor, RoleGrant } from "./actor";

/** Committee-wide roles that read every business record of their committee (clues aside). */
export const COMMITTEE_READERS: readonly Role[] = ["leadership", "officeStaff"];

const grantsWith = (actor: Actor, roles: readonly Role[]): RoleGrant[] =>
  actor.grants.filter((g) => roles.includes(g.role));

/**
 * Committees in which the actor holds any of the roles. "write" (the default) leaves out read-only
 * grants (the leading group over lower committees); "read" includes them.
 */
export function committeesWhere(
  actor: Actor,
  roles: readonly Role[],
  access: "write" | "read" = "write",
): string[] {
  return [
    ...new Set(
      grantsWith(actor, roles).flatMap((g) =>
        g.committeeId && (access === "read" || !g.readOnly) ? [g.committeeId] : [],
      ),
    ),
  ];
}

/**
 * The committee the actor works in with one of these roles. Office work happens in the actor's own
 * committee: an account never acts for a committee it holds no role in.
 */
export function actingCommittee(actor: Actor, roles: readonly Role[]): string {
  const ids = committeesWhere(actor, roles);
  if (ids.length === 0) throw new AppError("auth.forbidden");
  return ids[0]!;
}

/** Throws `notFound` unless the actor holds one of the roles in the record's committee. */
export function assertInCommittee(
  actor: Actor,
  roles: readonly Role[],
  committeeId: string,
  notFound: ErrorCode,
): void {
  if (!committeesWhere(actor, roles).includes(committeeId)) throw new AppError(notFound);
}

export const groupIdsOf = (
  actor: Actor,
  roles: readonly Role[] = ["groupLeader", "groupDeputy", "groupMember"],
) => [...new Set(grantsWith(actor, roles).flatMap((g) => (g.groupId ? [g.groupId] : [])))];

export const contactTargetIds = (actor: Actor) => [
  ...new Set(grantsWith(actor, ["targetContact"]).flatMap((g) => (g.targetId ? [g.targetId] : []))),
];

export const isOfficeHead = (actor: Actor, committeeId: string) =>
  actor.grants.some((g) => g.role === "officeStaff" && g.isHead && g.committeeId === committeeId);

const anyOf = (conditions: (SQL | undefined)[]): SQL => {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? (or(...present) as SQL) : sql`false`;
};

/**
 * The findings the actor may see, as one SQL condition (never filtered after loading):
 *  - leadership and the office head: every finding of their committee; other office staff: all but
 *    those routed as clues (clues are for the office head only, ROLES.md);
 *  - a group: the findings of its own group;
 *  - a target's contact: its own findings once fed back, never those routed as clues;
 *  - 纪委监委: findings routed as clues; 组织部: findings handed to an organization department
 *    (isOrganizationDept: "组织部", "县委组织部" …).
 */
export function visibleFindings(actor: Actor): SQL {
  const readers = [
    ...committeesWhere(actor, ["leadership"], "read"),
    ...actor.grants.filter((g) => g.role === "officeStaff" && g.isHead).map((g) => g.committeeId!),
  ];
  const office = committeesWhere(actor, ["officeStaff"]).filter((c) => !readers.includes(c));
  // A group's findings are folded into the clause of a committee the actor already reads, so the
  // condition stays one index-friendly clause per committee (an OR across columns forces a full scan).
  const groupGrants = grantsWith(actor, ["groupLeader", "groupDeputy", "groupMember"]).filter(
    (g) => g.groupId && !readers.includes(g.committeeId ?? ""),
  );
  const groupsOf = (committeeId: string) => [
    ...new Set(groupGrants.filter((g) => g.committeeId === committeeId).map((g) => g.groupId!)),
  ];
  const otherGroups = [
    ...new Set(groupGrants.filter((g) => !office.includes(g.committeeId ?? "")).map((g) => g.groupId!)),
  ];
  const targetIds = contactTargetIds(actor);
  const discipline = committeesWhere(actor, ["disciplineReviewer"]);
  const organization = committeesWhere(actor, ["organizationReviewer"]);
  return anyOf([
    readers.length ? inArray(findings.committeeId, readers) : undefined,
    ...office.map((c) => {
      const own = groupsOf(c);
      const notClue = sql`${findings.route} is distinct from 'clue'`;
      return and(
        eq(findings.committeeId, c),
        own.length ? or(notClue, inArray(findings.groupId, own)) : notClue,
      );
    }),
    otherGroups.length ? inArray(findings.groupId, otherGroups) : undefined,
    targetIds.length
      ? and(inArray(findings.targetId, targetIds), isNotNull(findings.feedbackId), ne(findings.route, "clue"))
      : undefined,
    discipline.length
      ? and(inArray(findings.committeeId, discipline), eq(findings.route, "clue"))
      : undefined,
    organization.length
      ? and(
          inArray(findings.committeeId, organization),
          eq(findings.route, "department"),
          // isOrganizationDept in SQL, trimming what String.prototype.trim trims in practice.
          sql`btrim(${findings.routeDept}, ${" \t\n\r\u3000"}) like '%组织部'`,
        )
      : undefined,
  ]);
}
