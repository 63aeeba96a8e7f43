import {
  asc,
  eq,
  groupMembers,
  groups,
  groupTargets,
  inArray,
  people,
  rounds,
  type Tx,
  type terms,
} from "@xuncha/db";
import { loadRecusalFacts } from "../recusal/load-recusal-facts";
import { chinaDate } from "../work-items/due-date";
import { loadTermTargets } from "./coverage";
import type { PlanLimits } from "./plan-limits";
import type { PlannerInput, PlannerRound, PlanTargetStatus } from "./planner";

/**
 * The sector a thematic round's theme names: the longest sector of the committee's targets that the
 * theme contains ("教育系统专项巡察" → 教育). "" when it names none: the round then takes any target.
 */
export function sectorOfTheme(theme: string, sectors: readonly string[]): string {
  return (
    [...new Set(sectors)]
      .filter((s) => s && theme.includes(s))
      .sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? ""
  );
}

/**
 * Everything the planner needs about a term, from the database: the committee's targets with their
 * standing (planned-but-unassigned and uncovered targets are open: a new plan replaces the old), the
 * remaining rounds (rounds of the term still in preparation, with their groups as formed, and the
 * future rounds up to plannedRounds), the pools, who served in which round of the term, and the
 * recusal facts (ROLES.md rules as of the first remaining round's start, or today for future rounds).
 */
export async function loadPlanInput(
  tx: Tx,
  term: typeof terms.$inferSelect,
  limits: PlanLimits,
): Promise<PlannerInput & { roundIds: Map<number, string> }> {
  const c = term.committeeId;
  const [states, termRounds, pool] = await Promise.all([
    loadTermTargets(tx, term),
    tx.select().from(rounds).where(eq(rounds.termId, term.id)).orderBy(asc(rounds.number)),
    tx
      .select({ id: people.id, name: people.name, pool: people.pool, available: people.available })
      .from(people)
      .where(eq(people.committeeId, c)),
  ]);
  const roundIds = termRounds.map((r) => r.id);
  const [groupRows, memberRows, assignedRows] = roundIds.length
    ? await Promise.all([
        tx.select().from(groups).where(inArray(groups.roundId, roundIds)),
        tx
          .select({ groupId: groupMembers.groupId, personId: groupMembers.personId, roundId: groups.roundId })
          .from(groupMembers)
          .innerJoin(groups, eq(groups.id, groupMembers.groupId))
          .where(inArray(groups.roundId, roundIds)),
        tx
          .select({ groupId: groupTargets.groupId, targetId: groupTargets.targetId })
          .from(groupTargets)
          .where(inArray(groupTargets.roundId, roundIds)),
      ])
    : [[], [], []];
  const numberOf = new Map(termRounds.map((r) => [r.id, r.number]));
  const targetsOfGroup = new Map<string, string[]>();
  for (const a of assignedRows)
    targetsOfGroup.set(a.groupId, [...(targetsOfGroup.get(a.groupId) ?? []), a.targetId]);
  const sectors = states.map((t) => t.sector);
  const sectorOf = (number: number, kind: string, theme: string) =>
    limits.roundSectors[String(number)] ?? (kind === "thematic" ? sectorOfTheme(theme, sectors) : "");
  const remaining: PlannerRound[] = termRounds
    .filter((r) => r.status === "open" && r.stage === "preparation")
    .map((r) => ({
      roundNumber: r.number,
      roundId: r.id,
      sector: sectorOf(r.number, r.kind, r.theme),
      groups: groupRows
        .filter((g) => g.roundId === r.id)
        .sort((a, b) => a.number - b.number)
        .map((g) => ({
          groupNumber: g.number,
          groupId: g.id,
          personIds: memberRows.filter((m) => m.groupId === g.id).map((m) => m.personId),
          targetIds: targetsOfGroup.get(g.id) ?? [],
        })),
    }));
  const last = termRounds.reduce((max, r) => Math.max(max, r.number), 0);
  for (let n = last + 1; n <= term.plannedRounds; n++) {
    remaining.push({ roundNumber: n, sector: limits.roundSectors[String(n)] ?? "", groups: [] });
  }
  const open = states.filter((t) => t.status === "planned" || t.status === "uncovered");
  const first = termRounds.find((r) => r.id === remaining[0]?.roundId);
  const facts = await loadRecusalFacts(tx, {
    committeeId: c,
    personIds: pool.map((p) => p.id),
    targetIds: open.map((t) => t.id),
    round: {
      termId: term.id,
      number: remaining[0]?.roundNumber ?? last + 1,
      startsOn: first?.startsOn ?? chinaDate(),
    },
  });
  const memo = new Map<string, boolean>();
  const status = (s: string): PlanTargetStatus =>
    s === "covered" ? "covered" : s === "scheduled" ? "scheduled" : s === "excluded" ? "excluded" : "open";
  return {
    targets: states.map((t) => ({
      id: t.id,
      name: t.name,
      category: t.category,
      sector: t.sector,
      parentTargetId: t.parentTargetId,
      lastInspectedOn: t.lastInspectedOn,
      status: status(t.status),
    })),
    people: pool,
    rounds: remaining,
    limits,
    service: memberRows.map((m) => ({ personId: m.personId, roundNumber: numberOf.get(m.roundId) ?? 0 })),
    conflicts: (personId, targetId) => {
      const key = `${personId}|${targetId}`;
      let v = memo.get(key);
      if (v === undefined) {
        v = facts.conflictsOf(personId, targetId).length > 0;
        memo.set(key, v);
      }
      return v;
    },
    roundIds: new Map(termRounds.map((r) => [r.number, r.id])),
  };
}
