import { and, documents, inArray, isNull, or, type SQL, sql } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, groupIdsOf } from "../access/policies";

const GROUP_ROLES = ["groupLeader", "groupDeputy", "groupMember"] as const;

/** Committees whose every document the actor reads: its office, its leading group (and upper leading groups). */
export const documentCommittees = (actor: Actor) => [
  ...new Set([...committeesWhere(actor, ["officeStaff"]), ...committeesWhere(actor, ["leadership"], "read")]),
];

/**
 * The documents the actor may see, as one SQL condition: the office and the leading group see their
 * committee's; a group sees its round's documents that are not addressed to another group. Nobody
 * else sees any (404).
 */
export function visibleDocuments(actor: Actor): SQL {
  const committeeIds = documentCommittees(actor);
  const groupGrants = actor.grants.filter(
    (g) => (GROUP_ROLES as readonly string[]).includes(g.role) && g.roundId && g.groupId,
  );
  const roundIds = [...new Set(groupGrants.map((g) => g.roundId!))];
  const groupIds = groupIdsOf(actor);
  const parts = [
    committeeIds.length ? inArray(documents.committeeId, committeeIds) : undefined,
    roundIds.length
      ? and(
          inArray(documents.roundId, roundIds),
          or(isNull(documents.groupId), inArray(documents.groupId, groupIds)),
        )
      : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/** Whether the actor may read a round's documents at all (its committee's office or leading group, or one of its groups). */
export const readsRoundDocuments = (actor: Actor, round: { id: string; committeeId: string }) =>
  documentCommittees(actor).includes(round.committeeId) ||
  actor.grants.some((g) => (GROUP_ROLES as readonly string[]).includes(g.role) && g.roundId === round.id);
