import {
  and,
  eq,
  groupMembers,
  groups,
  groupTargets,
  inArray,
  people,
  personJobs,
  personRelatives,
  personTies,
  rounds,
  type Tx,
  targets,
} from "@xuncha/db";
import { z } from "zod";
import { defineSetting, loadSetting } from "../committee-settings/setting";
import type { GroupRole } from "../model/roles";
import { chineseNumber } from "../rounds/round-name";
import {
  type RecusalConflict,
  type RecusalContext,
  type RecusalPerson,
  type RecusalTarget,
  recusalConflicts,
} from "./rules";

export interface RecusalRoundRef {
  termId: string;
  /** The round's number in the term (the previous round is number - 1). */
  number: number;
  /** The round's start date ("YYYY-MM-DD" or "YYYY-MM"): the 3-year window ends here. */
  startsOn: string;
}

export interface RecusalFacts {
  /** The conflicts between one of the loaded people and one of the loaded targets (role unknown: strictest). */
  conflictsOf(personId: string, targetId: string, role?: GroupRole): RecusalConflict[];
  /** Whether the committee applies the rotation rule. */
  rotation: boolean;
}

/** Whether the committee applies the rotation rule (ROLES.md: "where the committee sets this rule"). */
export const rotationSettingDef = defineSetting({
  key: "recusal.rotation",
  label: "回避：上一轮巡察过同一单位的人员不再巡察该单位（轮换）",
  schema: z.strictObject({ enabled: z.boolean() }),
  defaults: () => ({ enabled: true }),
});

/** Reads the committee's rotation setting (default on). */
export async function rotationSetting(tx: Tx, committeeId: string): Promise<boolean> {
  return (await loadSetting(tx, committeeId, rotationSettingDef)).value.enabled;
}

/**
 * Loads everything the recusal rules need for these people and targets in one go (people, their
 * jobs, relatives and ties, the targets with their townships, who inspected what in the previous
 * round of the term, and the rotation setting), then answers conflictsOf from memory.
 */
export async function loadRecusalFacts(
  tx: Tx,
  input: {
    committeeId: string;
    personIds: readonly string[];
    targetIds: readonly string[];
    round: RecusalRoundRef;
  },
): Promise<RecusalFacts> {
  const personIds = [...new Set(input.personIds)];
  const targetIds = [...new Set(input.targetIds)];
  const c = input.committeeId;
  const none = personIds.length === 0 || targetIds.length === 0;
  const [personRows, jobRows, relativeRows, tieRows, targetRows, previous, rotation] = await Promise.all([
    none
      ? []
      : tx
          .select({ id: people.id, name: people.name, unitTargetId: people.unitTargetId })
          .from(people)
          .where(and(eq(people.committeeId, c), inArray(people.id, personIds))),
    none
      ? []
      : tx
          .select()
          .from(personJobs)
          .where(and(eq(personJobs.committeeId, c), inArray(personJobs.personId, personIds))),
    none
      ? []
      : tx
          .select()
          .from(personRelatives)
          .where(and(eq(personRelatives.committeeId, c), inArray(personRelatives.personId, personIds))),
    none
      ? []
      : tx
          .select()
          .from(personTies)
          .where(and(eq(personTies.committeeId, c), inArray(personTies.personId, personIds))),
    none
      ? []
      : tx
          .select({
            id: targets.id,
            name: targets.name,
            category: targets.category,
            parentTargetId: targets.parentTargetId,
          })
          .from(targets)
          .where(and(eq(targets.committeeId, c), inArray(targets.id, targetIds))),
    none || input.round.number <= 1
      ? []
      : tx
          .select({ personId: groupMembers.personId, targetId: groupTargets.targetId })
          .from(rounds)
          .innerJoin(groups, eq(groups.roundId, rounds.id))
          .innerJoin(groupMembers, eq(groupMembers.groupId, groups.id))
          .innerJoin(groupTargets, eq(groupTargets.groupId, groups.id))
          .where(
            and(
              eq(rounds.committeeId, c),
              eq(rounds.termId, input.round.termId),
              eq(rounds.number, input.round.number - 1),
              inArray(groupMembers.personId, personIds),
              inArray(groupTargets.targetId, targetIds),
            ),
          ),
    rotationSetting(tx, c),
  ]);

  const by = <T extends { personId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r]);
    return map;
  };
  const jobs = by(jobRows);
  const relatives = by(relativeRows);
  const ties = by(tieRows);
  const inspected = by(previous);
  const persons = new Map<string, RecusalPerson>(
    personRows.map((p) => [
      p.id,
      {
        ...p,
        jobs: (jobs.get(p.id) ?? []).sort((a, b) => a.startMonth.localeCompare(b.startMonth)),
        relatives: relatives.get(p.id) ?? [],
        ties: (ties.get(p.id) ?? []).sort((a, b) => a.startMonth.localeCompare(b.startMonth)),
        previousRoundTargetIds: (inspected.get(p.id) ?? []).map((r) => r.targetId),
      },
    ]),
  );
  const targetById = new Map<string, RecusalTarget>(targetRows.map((t) => [t.id, t]));
  const context: RecusalContext = {
    asOf: input.round.startsOn,
    rotation,
    previousRoundLabel: input.round.number > 1 ? `第${chineseNumber(input.round.number - 1)}轮` : undefined,
  };
  return {
    rotation,
    conflictsOf(personId, targetId, role) {
      const person = persons.get(personId);
      const target = targetById.get(targetId);
      if (!person || !target) return [];
      return recusalConflicts(person, target, { ...context, role });
    },
  };
}
