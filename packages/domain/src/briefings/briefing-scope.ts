import { briefingAnswers, briefingRequests, groupTargets, inArray, or, type SQL, sql } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, groupIdsOf } from "../access/policies";

/** The partner departments the actor answers for (partnerDept grants scoped to a department). */
export const partnerDepartmentIdsOf = (actor: Actor) => [
  ...new Set(
    actor.grants.flatMap((g) =>
      g.role === "partnerDept" && g.partnerDepartmentId && !g.readOnly ? [g.partnerDepartmentId] : [],
    ),
  ),
];

/** Committees whose briefings the actor oversees: the office (writes) and the leading group (reads). */
export const briefingOverseers = (actor: Actor) =>
  committeesWhere(actor, ["officeStaff", "leadership"], "read");

/**
 * The briefing requests the actor may see, as one SQL condition: every request of the committees
 * the actor oversees; a partner department's account: only those addressed to its department.
 */
export function visibleBriefingRequests(actor: Actor): SQL {
  const overseen = briefingOverseers(actor);
  const departments = partnerDepartmentIdsOf(actor);
  const parts = [
    overseen.length ? inArray(briefingRequests.committeeId, overseen) : undefined,
    departments.length ? inArray(briefingRequests.partnerDepartmentId, departments) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/**
 * The answers the actor may read (joined with their request): those of visible requests, and for a
 * group, the answers on the targets its group inspects in the request's round.
 */
export function visibleBriefingAnswers(actor: Actor): SQL {
  const groups = groupIdsOf(actor);
  const parts: SQL[] = [visibleBriefingRequests(actor)];
  if (groups.length)
    parts.push(
      sql`exists (select 1 from ${groupTargets} where ${groupTargets.roundId} = ${briefingRequests.roundId}
        and ${groupTargets.targetId} = ${briefingAnswers.targetId} and ${inArray(groupTargets.groupId, groups)})`,
    );
  return or(...parts) as SQL;
}

/** Whether the actor writes requests for the committee (the office; not the leading group). */
export const isBriefingOffice = (actor: Actor, committeeId: string) =>
  committeesWhere(actor, ["officeStaff"]).includes(committeeId);
