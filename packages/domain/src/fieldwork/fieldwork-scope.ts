import {
  type AnyColumn,
  and,
  eq,
  groupMembers,
  groups as groupsTable,
  groupTargets,
  inArray,
  or,
  rounds,
  type SQL,
  sql,
  type Tx,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, groupIdsOf } from "../access/policies";
import { AppError } from "../model/errors";
import { roundName } from "../rounds/round-name";

const anyOf = (parts: (SQL | undefined)[]): SQL => {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? (or(...present) as SQL) : sql`false`;
};

/** Committees where the actor is the office head (主任). */
const headOf = (actor: Actor) => [
  ...new Set(
    actor.grants.flatMap((g) =>
      g.role === "officeStaff" && g.isHead && g.committeeId ? [g.committeeId] : [],
    ),
  ),
];

/**
 * Interviews the actor may see (ROLES.md): the group that held them, the office head and the
 * leading group of the committee (not the leading group of a committee above). Not the rest of the office, not a target, a partner department
 * or the upper level.
 */
export function interviewScope(actor: Actor, columns: { committeeId: AnyColumn; groupId: AnyColumn }): SQL {
  // Only the committee's own leading group: its read-only grants over lower committees do not
  // reach their interview records.
  const committees = [...new Set([...committeesWhere(actor, ["leadership"]), ...headOf(actor)])];
  const groups = groupIdsOf(actor);
  return anyOf([
    committees.length ? inArray(columns.committeeId, committees) : undefined,
    groups.length ? inArray(columns.groupId, groups) : undefined,
  ]);
}

/** Document reviews and visits: the group that made them, the office and the leading group. */
export function fieldworkRecordScope(
  actor: Actor,
  columns: { committeeId: AnyColumn; groupId: AnyColumn },
): SQL {
  const committees = committeesWhere(actor, ["officeStaff", "leadership"], "read");
  const groups = groupIdsOf(actor);
  return anyOf([
    committees.length ? inArray(columns.committeeId, committees) : undefined,
    groups.length ? inArray(columns.groupId, groups) : undefined,
  ]);
}

/** Counts (no content) are for the office, the leading group and the groups themselves. */
export function fieldworkCountScope(
  actor: Actor,
  columns: { committeeId: AnyColumn; groupId: AnyColumn },
): SQL {
  return fieldworkRecordScope(actor, columns);
}

type Scope = (actor: Actor, columns: { committeeId: AnyColumn; groupId: AnyColumn }) => SQL;

/**
 * A round (with its name) in which the scope lets the actor see records: the round's committee, or
 * one of its groups, is within the scope. Any other round is not found.
 */
export async function roundInScope(tx: Tx, actor: Actor, roundId: string, scope: Scope) {
  const [row] = await tx
    .select({
      id: rounds.id,
      committeeId: rounds.committeeId,
      number: rounds.number,
      termName: terms.name,
    })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .leftJoin(groupsTable, eq(groupsTable.roundId, rounds.id))
    .where(
      and(eq(rounds.id, roundId), scope(actor, { committeeId: rounds.committeeId, groupId: groupsTable.id })),
    )
    .limit(1);
  if (!row) throw new AppError("round.not_found");
  return { id: row.id, committeeId: row.committeeId, name: roundName(row.termName, row.number) };
}

/** Throws unless every person is a member of the group and there are at least `min` of them. */
export async function assertGroupInspectors(
  tx: Tx,
  groupId: string,
  personIds: string[],
  min: number,
): Promise<string[]> {
  const ids = [...new Set(personIds)];
  const rows = ids.length
    ? await tx
        .select({ personId: groupMembers.personId })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.personId, ids)))
    : [];
  if (rows.length !== ids.length) throw new AppError("group.member_not_found", "在场人员须是本组成员");
  if (ids.length < min)
    throw new AppError(
      min >= 2 ? "interview.inspectors_required" : "request.invalid",
      min >= 2 ? undefined : "请选择至少一名本组人员",
    );
  return ids;
}

/** The group inspecting a target in a round, when it is one of the actor's groups; else not found. */
export async function ownGroupOfTarget(tx: Tx, actor: Actor, roundId: string, targetId: string) {
  const groups = groupIdsOf(actor);
  const [row] = groups.length
    ? await tx
        .select({
          groupId: groupTargets.groupId,
          committeeId: groupTargets.committeeId,
          status: rounds.status,
        })
        .from(groupTargets)
        .innerJoin(rounds, eq(rounds.id, groupTargets.roundId))
        .where(
          and(
            eq(groupTargets.roundId, roundId),
            eq(groupTargets.targetId, targetId),
            inArray(groupTargets.groupId, groups),
          ),
        )
    : [];
  if (!row) throw new AppError("target.not_found", "该对象不是本组的巡察对象");
  if (row.status === "closed") throw new AppError("round.closed");
  return row;
}
