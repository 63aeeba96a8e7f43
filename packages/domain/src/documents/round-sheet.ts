import {
  asc,
  committees,
  eq,
  groupMembers,
  groups,
  groupTargets,
  inArray,
  people,
  type Tx,
  targets,
} from "@xuncha/db";
import { ROUND_KINDS, type RoundKind } from "../model/enums";
import type { GroupRole } from "../model/roles";
import { roundName } from "../rounds/round-name";

export interface SheetPerson {
  name: string;
  unit: string;
  post: string;
}

export interface SheetGroup {
  id: string;
  number: number;
  name: string;
  members: Record<GroupRole, SheetPerson[]>;
  branchSecretary: string | null;
  targets: string[];
}

/** What a round's documents say about it: names, kind, dates, groups with their people and targets. */
export interface RoundSheet {
  committeeName: string;
  roundName: string;
  kindLabel: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  groups: SheetGroup[];
}

/** Loads the sheet of a round (already checked to be visible to the actor). */
export async function loadRoundSheet(
  tx: Tx,
  round: {
    id: string;
    committeeId: string;
    termName: string;
    number: number;
    kind: string;
    theme: string;
    startsOn: string;
    endsOn: string;
  },
): Promise<RoundSheet> {
  const [committee] = await tx.select().from(committees).where(eq(committees.id, round.committeeId));
  const groupRows = await tx
    .select()
    .from(groups)
    .where(eq(groups.roundId, round.id))
    .orderBy(asc(groups.number));
  const ids = groupRows.map((g) => g.id);
  const [members, assigned] = ids.length
    ? await Promise.all([
        tx
          .select({
            groupId: groupMembers.groupId,
            personId: people.id,
            role: groupMembers.role,
            name: people.name,
            unit: people.unit,
            post: people.post,
          })
          .from(groupMembers)
          .innerJoin(people, eq(people.id, groupMembers.personId))
          .where(inArray(groupMembers.groupId, ids))
          .orderBy(asc(people.name)),
        tx
          .select({ groupId: groupTargets.groupId, name: targets.name })
          .from(groupTargets)
          .innerJoin(targets, eq(targets.id, groupTargets.targetId))
          .where(inArray(groupTargets.groupId, ids))
          .orderBy(asc(targets.name)),
      ])
    : [[], []];
  return {
    committeeName: committee?.name ?? "",
    roundName: roundName(round.termName, round.number),
    kindLabel: ROUND_KINDS.labels[round.kind as RoundKind] ?? "巡察",
    theme: round.theme,
    startsOn: round.startsOn,
    endsOn: round.endsOn,
    groups: groupRows.map((g) => {
      const of = members.filter((m) => m.groupId === g.id);
      const byRole = (role: GroupRole) =>
        of.filter((m) => m.role === role).map(({ name, unit, post }) => ({ name, unit, post }));
      const leader = byRole("leader")[0]?.name ?? null;
      const secretary = g.branchSecretaryId
        ? (of.find((m) => m.personId === g.branchSecretaryId)?.name ?? leader)
        : leader;
      return {
        id: g.id,
        number: g.number,
        name: g.name,
        members: {
          leader: byRole("leader"),
          deputy: byRole("deputy"),
          member: byRole("member"),
          liaison: byRole("liaison"),
        },
        branchSecretary: secretary,
        targets: assigned.filter((t) => t.groupId === g.id).map((t) => t.name),
      };
    }),
  };
}
