import type { PlanEntry, PlanGroup, PlannerInput } from "./planner";
import { fitsLimits, isVillageCategory } from "./planner";

export interface PlanViolation {
  rule: "target" | "duplicate" | "slot" | "limit" | "sector" | "recusal" | "people" | "together";
  message: string;
}

/**
 * Checks a plan (the planner's, or one the office edited) against its input: every placed target is
 * open and placed once, in a group of a remaining round, within the group's limits and the round's
 * sector, with no recusal conflict; proposed groups have a leader from the leader pool and the
 * members from the talent pool, available, each person once per round and within the rounds-in-a-row
 * limit. With keepVillagesWithTownship, a village placed in the same round as its township is in the
 * township's group. Returns the violations (none: the plan holds).
 */
export function checkPlan(
  input: PlannerInput,
  plan: { entries: readonly PlanEntry[]; groups: readonly PlanGroup[] },
): PlanViolation[] {
  const out: PlanViolation[] = [];
  const { limits } = input;
  const targetById = new Map(input.targets.map((t) => [t.id, t]));
  const personById = new Map(input.people.map((p) => [p.id, p]));
  const roundByNumber = new Map(input.rounds.map((r) => [r.roundNumber, r]));
  const slot = (round: number, group: number) => `${round}/${group}`;
  const groupBySlot = new Map(plan.groups.map((g) => [slot(g.roundNumber, g.groupNumber), g]));
  const name = (id: string) => targetById.get(id)?.name ?? id;

  const seen = new Set<string>();
  const bySlot = new Map<string, string[]>();
  for (const e of plan.entries) {
    const t = targetById.get(e.targetId);
    if (t?.status !== "open") {
      out.push({ rule: "target", message: `${name(e.targetId)}不需要安排（已覆盖、已安排或已排除）` });
    }
    if (seen.has(e.targetId)) out.push({ rule: "duplicate", message: `${name(e.targetId)}被安排了不止一次` });
    seen.add(e.targetId);
    const round = roundByNumber.get(e.roundNumber);
    const group = groupBySlot.get(slot(e.roundNumber, e.groupNumber));
    if (!round || !group) {
      out.push({ rule: "slot", message: `第${e.roundNumber}轮第${e.groupNumber}组不是可安排的巡察组` });
      continue;
    }
    if (t && round.sector !== "" && t.sector !== round.sector) {
      out.push({
        rule: "sector",
        message: `${t.name}不属于第${round.roundNumber}轮专项的“${round.sector}”领域`,
      });
    }
    const list = bySlot.get(slot(e.roundNumber, e.groupNumber)) ?? [];
    list.push(e.targetId);
    bySlot.set(slot(e.roundNumber, e.groupNumber), list);
  }

  const assignedBy = new Map<string, string[]>();
  for (const r of input.rounds)
    for (const g of r.groups) assignedBy.set(slot(r.roundNumber, g.groupNumber), g.targetIds);

  const inRound = new Map<number, Set<string>>();
  const served = new Map<string, Set<number>>();
  const serve = (personId: string, round: number) => {
    const set = served.get(personId) ?? new Set<number>();
    set.add(round);
    served.set(personId, set);
  };
  for (const s of input.service) serve(s.personId, s.roundNumber);
  /** person|round the plan proposes: only runs including one of them are the plan's doing. */
  const proposed = new Set<string>();

  for (const g of plan.groups) {
    const key = slot(g.roundNumber, g.groupNumber);
    const label = `第${g.roundNumber}轮第${g.groupNumber}组`;
    const round = roundByNumber.get(g.roundNumber);
    if (!round) {
      out.push({ rule: "slot", message: `${label}不在剩余轮次中` });
      continue;
    }
    const existing = round.groups.find((x) => x.groupNumber === g.groupNumber);
    if (g.existing !== !!existing) out.push({ rule: "slot", message: `${label}与已组建的巡察组不符` });
    const personIds = existing ? existing.personIds : g.personIds;
    const newIds = bySlot.get(key) ?? [];
    const all = [...(assignedBy.get(key) ?? []), ...newIds];
    const villages = all.filter((id) => isVillageCategory(targetById.get(id)?.category ?? "")).length;
    if (!fitsLimits(limits, { others: all.length - villages, villages }, { others: 0, villages: 0 })) {
      out.push({ rule: "limit", message: `${label}的对象数超过每组上限` });
    }
    for (const p of personIds) {
      for (const t of newIds) {
        if (input.conflicts(p, t)) {
          out.push({
            rule: "recusal",
            message: `${personById.get(p)?.name ?? p}须回避${name(t)}，不能在${label}`,
          });
        }
      }
    }
    const used = inRound.get(g.roundNumber) ?? new Set<string>();
    inRound.set(g.roundNumber, used);
    for (const p of personIds) {
      if (used.has(p))
        out.push({
          rule: "people",
          message: `${personById.get(p)?.name ?? p}在第${g.roundNumber}轮被安排到多个组`,
        });
      used.add(p);
    }
    if (existing) continue;
    for (const p of personIds) {
      serve(p, g.roundNumber);
      proposed.add(`${p}|${g.roundNumber}`);
    }
    const leader = g.leaderId ? personById.get(g.leaderId) : undefined;
    if (leader?.pool !== "leader" || !leader.available) {
      out.push({ rule: "people", message: `${label}须有一名组长库中可用的组长` });
    }
    if (g.memberIds.length !== limits.membersPerGroup) {
      out.push({ rule: "people", message: `${label}须有 ${limits.membersPerGroup} 名组员` });
    }
    for (const m of g.memberIds) {
      const person = personById.get(m);
      if (person?.pool !== "talent" || !person.available) {
        out.push({ rule: "people", message: `${person?.name ?? m}不是人才库中可用的人员` });
      }
    }
    const declared = [g.leaderId, ...g.memberIds].filter((x): x is string => !!x);
    if (declared.length !== g.personIds.length || declared.some((p) => !g.personIds.includes(p))) {
      out.push({ rule: "people", message: `${label}的人员名单不一致` });
    }
  }
  for (const r of input.rounds)
    for (const g of r.groups) for (const p of g.personIds) serve(p, r.roundNumber);
  for (const [personId, rounds] of served) {
    const sorted = [...rounds].sort((a, b) => a - b);
    let run = 0;
    let mine = false;
    for (let i = 0; i < sorted.length; i++) {
      const fresh = !(i > 0 && sorted[i] === sorted[i - 1]! + 1);
      run = fresh ? 1 : run + 1;
      mine = (fresh ? false : mine) || proposed.has(`${personId}|${sorted[i]}`);
      if (run > limits.maxConsecutiveRounds && mine) {
        out.push({
          rule: "people",
          message: `${personById.get(personId)?.name ?? personId}连续参加超过 ${limits.maxConsecutiveRounds} 轮`,
        });
        break;
      }
    }
  }

  if (limits.keepVillagesWithTownship) {
    const where = new Map(plan.entries.map((e) => [e.targetId, e]));
    for (const e of plan.entries) {
      const t = targetById.get(e.targetId);
      if (!t || !isVillageCategory(t.category) || !t.parentTargetId) continue;
      const parent = where.get(t.parentTargetId);
      if (!parent || allBatchesFull(input, t.parentTargetId)) continue;
      if (parent.roundNumber === e.roundNumber && parent.groupNumber !== e.groupNumber) {
        out.push({ rule: "together", message: `${t.name}须与所属乡镇${name(t.parentTargetId)}安排在同一组` });
      }
      if (parent.roundNumber !== e.roundNumber) {
        out.push({ rule: "together", message: `${t.name}须与所属乡镇${name(t.parentTargetId)}安排在同一轮` });
      }
    }
  }
  return out;
}

/** Whether a township and its open villages are too many for one group (so they go in batches). */
function allBatchesFull(input: PlannerInput, townshipId: string): boolean {
  const members = input.targets.filter(
    (t) =>
      t.status === "open" &&
      (t.id === townshipId || (t.parentTargetId === townshipId && isVillageCategory(t.category))),
  );
  const villages = members.filter((t) => isVillageCategory(t.category)).length;
  return !fitsLimits(
    input.limits,
    { others: members.length - villages, villages },
    { others: 0, villages: 0 },
  );
}
