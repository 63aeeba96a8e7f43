import { eq, groupMembers, groups, people, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere } from "../access/policies";
import { AppError } from "../model/errors";
import { findVisibleRound } from "./manage-rounds";

/**
 * A round whose groups, draws, commitments and recusal the actor oversees: the office and the
 * leading group of its committee (the leading group also reads its lower committees). Anyone
 * else: not found.
 */
export async function findRoundForOversight(tx: Tx, actor: Actor, roundId: string) {
  const round = await findVisibleRound(tx, actor, roundId);
  if (!committeesWhere(actor, ["officeStaff", "leadership"], "read").includes(round.committeeId))
    throw new AppError("round.not_found");
  return round;
}

/** Everyone in a group of the round, with their group and role. */
export const peopleOfRound = (tx: Tx, roundId: string) =>
  tx
    .select({
      personId: people.id,
      name: people.name,
      groupId: groups.id,
      groupName: groups.name,
      groupNumber: groups.number,
      role: groupMembers.role,
      accountId: people.accountId,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(people, eq(people.id, groupMembers.personId))
    .where(eq(groups.roundId, roundId))
    .orderBy(groups.number, people.name);
