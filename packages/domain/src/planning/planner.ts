/**
 * The coverage planner (全覆盖): proposes which uncovered targets go into which remaining round and
 * group of a term, within the office's limits, and says plainly what cannot be reached and why.
 * Pure: no database, no clock, no randomness; the same input (in any order) gives the same plan.
 *
 * Decisions (see also plan-limits.ts):
 *  - Only targets with status "open" are planned: not excluded from the term plan, not covered, not
 *    already assigned to a group of a round in preparation ("scheduled").
 *  - Targets never inspected come first, then those inspected longest ago, then by name.
 *  - A township and its villages form one cluster placed in one group; villages count toward
 *    villagesPerGroup when it is set, else toward targetsPerGroup. A cluster too big for one group is
 *    split into batches in name order (the township goes with the first), each batch in one group.
 *  - Thematic rounds (a sector) take only targets of that sector and are filled first, so that the
 *    sector's targets are not used up by ordinary rounds before them.
 *  - Rounds whose groups are formed already keep their groups and people; the planner only adds
 *    targets up to each group's limits, to groups with no recusal conflict. Rounds without groups
 *    (future rounds, or existing rounds in preparation with none yet) get groups proposed: a leader
 *    from the leader pool and membersPerGroup members from the talent pool, available people only,
 *    each person in at most one group per round and in at most maxConsecutiveRounds rounds in a row
 *    (counting rounds already served). The least-used person is picked first (then by id).
 *  - Recusal: a person is never in a group with a target they conflict with. When staffing a group,
 *    the candidate losing the fewest targets is picked; targets they conflict with leave the group and
 *    are tried in the round's other groups, then in later rounds.
 */
import type { PlanLimits } from "./plan-limits";

export type PlanTargetStatus = "open" | "excluded" | "covered" | "scheduled";

export interface PlannerTarget {
  id: string;
  name: string;
  category: string;
  sector: string;
  parentTargetId: string | null;
  /** Last inspection (YYYY-MM-DD) before this term's records, or null: never inspected. */
  lastInspectedOn: string | null;
  status: PlanTargetStatus;
}

export interface PlannerPerson {
  id: string;
  name: string;
  /** leader | talent */
  pool: string;
  available: boolean;
}

export interface PlannerExistingGroup {
  groupNumber: number;
  groupId?: string;
  personIds: string[];
  /** Targets the group inspects already. */
  targetIds: string[];
}

export interface PlannerRound {
  roundNumber: number;
  roundId?: string;
  /** The sector of a thematic round; "" takes any target. */
  sector: string;
  /** Groups formed already (people fixed); empty: the planner proposes groups. */
  groups: PlannerExistingGroup[];
}

export interface PlannerInput {
  targets: PlannerTarget[];
  people: PlannerPerson[];
  /** The rounds left in the term that can still take targets. */
  rounds: PlannerRound[];
  limits: PlanLimits;
  /** Rounds of the term each person served in (their groups), for the rounds-in-a-row limit. */
  service: { personId: string; roundNumber: number }[];
  /** Whether a person must recuse from a target (ROLES.md rules, computed by the recusal module). */
  conflicts: (personId: string, targetId: string) => boolean;
}

export interface PlanEntry {
  roundNumber: number;
  groupNumber: number;
  targetId: string;
  roundId?: string;
  groupId?: string;
}

export interface PlanGroup {
  roundNumber: number;
  groupNumber: number;
  roundId?: string;
  groupId?: string;
  /** Formed already: its people are as they are. */
  existing: boolean;
  /** Proposed groups: the leader (leader pool) and members (talent pool). */
  leaderId: string | null;
  memberIds: string[];
  /** Everyone in the group. */
  personIds: string[];
}

export type ShortfallKind = "capacity" | "people" | "recusal" | "sector" | "noRounds" | "packing";

export interface ShortfallReason {
  kind: ShortfallKind;
  message: string;
  targetIds: string[];
}

export interface Shortfall {
  /** Plannable targets left without a place. */
  count: number;
  /** Targets that needed a place (open). */
  plannable: number;
  /** One sentence for the office, with the arithmetic. */
  statement: string;
  reasons: ShortfallReason[];
  unplacedTargetIds: string[];
  /** Remarks that are not shortfalls (clusters split in batches…). */
  notes: string[];
}

export interface PlanResult {
  entries: PlanEntry[];
  groups: PlanGroup[];
  shortfall: Shortfall;
}

export const isVillageCategory = (category: string) => category === "village" || category === "community";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Load {
  others: number;
  villages: number;
}

interface Cluster {
  targets: PlannerTarget[];
  ids: string[];
  size: Load;
  /** The sector all its targets share, or null when mixed. */
  sector: string | null;
  key: string;
  recusalBlocked: boolean;
}

const loadOf = (targets: readonly { category: string }[]): Load => {
  let villages = 0;
  for (const t of targets) if (isVillageCategory(t.category)) villages++;
  return { others: targets.length - villages, villages };
};

/** Whether a group holding `load` can take `add` more within the limits. */
export function fitsLimits(limits: PlanLimits, load: Load, add: Load): boolean {
  if (limits.villagesPerGroup === null) {
    return load.others + load.villages + add.others + add.villages <= limits.targetsPerGroup;
  }
  return (
    load.others + add.others <= limits.targetsPerGroup &&
    load.villages + add.villages <= limits.villagesPerGroup
  );
}

const room = (limits: PlanLimits, load: Load) =>
  limits.villagesPerGroup === null
    ? limits.targetsPerGroup - load.others - load.villages
    : limits.targetsPerGroup - load.others + (limits.villagesPerGroup - load.villages);

const priorityOf = (t: PlannerTarget) => `${t.lastInspectedOn ?? "0000-00-00"}\u0000${t.name}\u0000${t.id}`;

function makeCluster(targets: PlannerTarget[]): Cluster {
  const sectors = new Set(targets.map((t) => t.sector));
  const key = targets.map(priorityOf).sort(byText)[0] ?? "";
  return {
    targets,
    ids: targets.map((t) => t.id),
    size: loadOf(targets),
    sector: sectors.size === 1 ? [...sectors][0]! : null,
    key,
    recusalBlocked: false,
  };
}

/** Splits a cluster into batches that each fit one group, in order (the township first). */
function splitCluster(limits: PlanLimits, targets: PlannerTarget[]): PlannerTarget[][] {
  const batches: PlannerTarget[][] = [];
  let current: PlannerTarget[] = [];
  for (const t of targets) {
    if (current.length && !fitsLimits(limits, loadOf(current), loadOf([t]))) {
      batches.push(current);
      current = [];
    }
    current.push(t);
  }
  if (current.length) batches.push(current);
  return batches;
}

function buildClusters(open: PlannerTarget[], limits: PlanLimits, notes: string[]): Cluster[] {
  if (!limits.keepVillagesWithTownship) return open.map((t) => makeCluster([t]));
  const children = new Map<string, PlannerTarget[]>();
  for (const t of open) {
    if (isVillageCategory(t.category) && t.parentTargetId) {
      const list = children.get(t.parentTargetId) ?? [];
      list.push(t);
      children.set(t.parentTargetId, list);
    }
  }
  const byName = (a: PlannerTarget, b: PlannerTarget) => byText(a.name, b.name) || byText(a.id, b.id);
  const groupsOfTargets: PlannerTarget[][] = [];
  for (const t of open) {
    if (isVillageCategory(t.category) && t.parentTargetId) continue;
    const kids = children.get(t.id);
    if (kids) {
      children.delete(t.id);
      groupsOfTargets.push([t, ...kids.sort(byName)]);
    } else groupsOfTargets.push([t]);
  }
  // Villages of a township that is not planned (covered, excluded…) still go together.
  for (const parentId of [...children.keys()].sort(byText)) {
    groupsOfTargets.push(children.get(parentId)!.sort(byName));
  }
  const clusters: Cluster[] = [];
  for (const list of groupsOfTargets) {
    const batches = splitCluster(limits, list);
    if (batches.length > 1) {
      notes.push(`${list[0]!.name}等 ${list.length} 个对象超过每组上限，分为 ${batches.length} 批安排`);
    }
    for (const b of batches) clusters.push(makeCluster(b));
  }
  return clusters;
}

interface WorkGroup {
  group: PlanGroup;
  load: Load;
  entries: PlannerTarget[];
}

/** Plans the remaining rounds of a term. */
export function planCoverage(input: PlannerInput): PlanResult {
  const { limits } = input;
  const notes: string[] = [];
  const targets = [...input.targets].sort((a, b) => byText(a.id, b.id));
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const open = targets.filter((t) => t.status === "open");
  const clusters = buildClusters(open, limits, notes).sort((a, b) => byText(a.key, b.key));
  const people = [...input.people].sort((a, b) => byText(a.id, b.id));
  const rounds = [...input.rounds].sort((a, b) => a.roundNumber - b.roundNumber);
  const K = limits.maxConsecutiveRounds;

  // Who serves when: past service, groups formed already, then what the planner proposes.
  const served = new Map<string, Set<number>>();
  const serve = (personId: string, round: number) => {
    const set = served.get(personId) ?? new Set<number>();
    set.add(round);
    served.set(personId, set);
  };
  for (const s of input.service) serve(s.personId, s.roundNumber);
  for (const r of rounds) for (const g of r.groups) for (const p of g.personIds) serve(p, r.roundNumber);
  const canServe = (personId: string, round: number) => {
    const set = served.get(personId);
    if (!set) return true;
    if (set.has(round)) return false;
    let run = 1;
    for (let n = round - 1; set.has(n); n--) run++;
    for (let n = round + 1; set.has(n); n++) run++;
    return run <= K;
  };
  const loadOfPerson = (personId: string) => served.get(personId)?.size ?? 0;

  const placed = new Set<Cluster>();
  const groupsOut: WorkGroup[] = [];
  const reasons: ShortfallReason[] = [];
  const unusedThematic: { round: PlannerRound; room: number }[] = [];

  const conflictCost = (personId: string, list: Cluster[]) => {
    let cost = 0;
    for (const c of list) if (c.ids.some((t) => input.conflicts(personId, t))) cost += c.ids.length;
    return cost;
  };
  const clusterConflicts = (personIds: readonly string[], c: Cluster) =>
    personIds.some((p) => c.ids.some((t) => input.conflicts(p, t)));
  const eligible = (round: PlannerRound, c: Cluster) =>
    !placed.has(c) && (round.sector === "" || c.sector === round.sector);

  /** Places clusters into formed groups of a round: most room first, no recusal conflict. */
  const fill = (round: PlannerRound, work: WorkGroup[], candidates: Cluster[]) => {
    for (const c of candidates) {
      if (!eligible(round, c)) continue;
      const fitting = work.filter((w) => fitsLimits(limits, w.load, c.size));
      if (!fitting.length) continue;
      const ok = fitting.filter((w) => !clusterConflicts(w.group.personIds, c));
      if (!ok.length) {
        c.recusalBlocked = true;
        continue;
      }
      const best = ok.reduce((a, b) => (room(limits, b.load) > room(limits, a.load) ? b : a));
      best.entries.push(...c.targets);
      best.load = {
        others: best.load.others + c.size.others,
        villages: best.load.villages + c.size.villages,
      };
      placed.add(c);
    }
  };

  const thematicFirst = [...rounds].sort(
    (a, b) => (a.sector === "" ? 1 : 0) - (b.sector === "" ? 1 : 0) || a.roundNumber - b.roundNumber,
  );
  for (const round of thematicFirst) {
    let work: WorkGroup[];
    if (round.groups.length) {
      work = [...round.groups]
        .sort((a, b) => a.groupNumber - b.groupNumber)
        .map((g) => ({
          group: {
            roundNumber: round.roundNumber,
            groupNumber: g.groupNumber,
            ...(round.roundId ? { roundId: round.roundId } : {}),
            ...(g.groupId ? { groupId: g.groupId } : {}),
            existing: true,
            leaderId: null,
            memberIds: [],
            personIds: [...g.personIds].sort(byText),
          },
          load: loadOf(g.targetIds.map((id) => targetById.get(id) ?? { category: "" })),
          entries: [],
        }));
      fill(round, work, clusters);
    } else {
      work = formGroups(round);
    }
    groupsOut.push(...work);
    if (round.sector !== "") {
      const left = work.reduce((sum, w) => sum + Math.max(0, room(limits, w.load)), 0);
      const missing = round.groups.length ? 0 : limits.groupsPerRound - work.length;
      const total = left + missing * (limits.targetsPerGroup + (limits.villagesPerGroup ?? 0));
      if (total > 0) unusedThematic.push({ round, room: total });
    }
  }

  /** Proposes the groups of a round without groups: bins first, then people for each bin. */
  function formGroups(round: PlannerRound): WorkGroup[] {
    const r = round.roundNumber;
    const bins: { load: Load; clusters: Cluster[] }[] = Array.from({ length: limits.groupsPerRound }, () => ({
      load: { others: 0, villages: 0 },
      clusters: [],
    }));
    for (const c of clusters) {
      if (!eligible(round, c)) continue;
      let best: (typeof bins)[number] | undefined;
      for (const b of bins) {
        if (!fitsLimits(limits, b.load, c.size)) continue;
        if (!best || room(limits, b.load) > room(limits, best.load)) best = b;
      }
      if (!best) continue;
      best.clusters.push(c);
      best.load = {
        others: best.load.others + c.size.others,
        villages: best.load.villages + c.size.villages,
      };
    }
    const work: WorkGroup[] = [];
    const dropped: Cluster[] = [];
    let shortOfPeople = false;
    const pick = (pool: string, taken: Set<string>, list: Cluster[]) => {
      let best: { id: string; cost: number; load: number } | undefined;
      for (const p of people) {
        if (p.pool !== pool || !p.available || taken.has(p.id) || !canServe(p.id, r)) continue;
        const load = loadOfPerson(p.id);
        if (best && best.cost === 0 && load >= best.load) continue;
        const cost = conflictCost(p.id, list);
        if (!best || cost < best.cost || (cost === best.cost && load < best.load))
          best = { id: p.id, cost, load };
      }
      return best?.id;
    };
    for (const bin of bins) {
      if (!bin.clusters.length) continue;
      let list = bin.clusters;
      const chosen: string[] = [];
      const taken = new Set<string>();
      let ok = true;
      for (let i = 0; i <= limits.membersPerGroup; i++) {
        const id = pick(i === 0 ? "leader" : "talent", taken, list);
        if (!id) {
          ok = false;
          break;
        }
        chosen.push(id);
        taken.add(id);
        const keep: Cluster[] = [];
        for (const c of list) {
          if (c.ids.some((t) => input.conflicts(id, t))) {
            c.recusalBlocked = true;
            dropped.push(c);
          } else keep.push(c);
        }
        list = keep;
      }
      if (!ok) {
        shortOfPeople = true;
        break;
      }
      if (!list.length) continue;
      for (const id of chosen) serve(id, r);
      const groupNumber = work.length + 1;
      const w: WorkGroup = {
        group: {
          roundNumber: r,
          groupNumber,
          ...(round.roundId ? { roundId: round.roundId } : {}),
          existing: false,
          leaderId: chosen[0]!,
          memberIds: chosen.slice(1),
          personIds: chosen,
        },
        load: loadOf(list.flatMap((c) => c.targets)),
        entries: list.flatMap((c) => c.targets),
      };
      for (const c of list) placed.add(c);
      work.push(w);
    }
    // Targets a person had to recuse from: another group of the round, if one has room.
    fill(
      round,
      work,
      dropped.sort((a, b) => byText(a.key, b.key)),
    );
    if (shortOfPeople) {
      const leaders = people.filter((p) => p.pool === "leader" && p.available).length;
      const talent = people.filter((p) => p.pool === "talent" && p.available).length;
      reasons.push({
        kind: "people",
        message: `第${r}轮人员只够组成 ${work.length} 个组（每组需 1 名组长、${limits.membersPerGroup} 名组员；可用组长库 ${leaders} 人、人才库 ${talent} 人，每人最多连续参加 ${K} 轮）`,
        targetIds: [],
      });
    }
    return work;
  }

  // The plan, in round and group order.
  groupsOut.sort(
    (a, b) => a.group.roundNumber - b.group.roundNumber || a.group.groupNumber - b.group.groupNumber,
  );
  const entries: PlanEntry[] = [];
  for (const w of groupsOut) {
    for (const t of w.entries) {
      entries.push({
        roundNumber: w.group.roundNumber,
        groupNumber: w.group.groupNumber,
        targetId: t.id,
        ...(w.group.roundId ? { roundId: w.group.roundId } : {}),
        ...(w.group.groupId ? { groupId: w.group.groupId } : {}),
      });
    }
  }
  const groups = groupsOut.filter((w) => w.entries.length > 0 || w.group.existing).map((w) => w.group);

  // What cannot be reached, and why.
  const unplaced = clusters.filter((c) => !placed.has(c));
  const unplacedIds = unplaced.flatMap((c) => c.ids);
  const named = (ids: string[], max = 5) => {
    const names = ids.map((id) => targetById.get(id)?.name ?? id);
    return names.length > max ? `${names.slice(0, max).join("、")}等 ${names.length} 个` : names.join("、");
  };
  const statements: string[] = [];
  if (unplaced.length) {
    const people = reasons.filter((r) => r.kind === "people");
    reasons.length = 0;
    if (!rounds.length) {
      reasons.push({ kind: "noRounds", message: "本届已无可安排的剩余轮次", targetIds: unplacedIds });
    } else {
      const capacity = capacityArithmetic(input, open);
      if (capacity)
        reasons.push({
          ...capacity,
          targetIds: unplaced.filter((c) => !c.recusalBlocked).flatMap((c) => c.ids),
        });
    }
    reasons.push(...people);
    const blocked = unplaced.filter((c) => c.recusalBlocked).flatMap((c) => c.ids);
    if (blocked.length) {
      reasons.push({
        kind: "recusal",
        message: `${named(blocked)}因回避无法安排：有容量的巡察组均有须回避的人员`,
        targetIds: blocked,
      });
    }
    for (const u of unusedThematic) {
      reasons.push({
        kind: "sector",
        message: `第${u.round.roundNumber}轮为“${u.round.sector}”领域专项，只安排该领域对象，尚有 ${u.room} 个容量未用`,
        targetIds: [],
      });
    }
    if (!reasons.length) {
      reasons.push({
        kind: "packing",
        message: "各组剩余容量不足以整组安排乡镇及其所属村(社区)",
        targetIds: unplacedIds,
      });
    }
    statements.push(
      `${unplacedIds.length} 个对象无法在本届覆盖：${reasons.map((r) => r.message).join("；")}`,
    );
  } else {
    reasons.length = 0;
    statements.push(
      open.length
        ? `剩余 ${open.length} 个对象均已安排，本届可以实现全覆盖`
        : "本届所有对象均已覆盖、已安排或已按规划排除",
    );
  }
  return {
    entries,
    groups,
    shortfall: {
      count: unplacedIds.length,
      plannable: open.length,
      statement: statements.join(""),
      reasons,
      unplacedTargetIds: unplacedIds,
      notes,
    },
  };
}

/**
 * The capacity sum of the remaining rounds against the targets to place, when it falls short:
 * "3 轮 × 5 组 × 8 个 = 120 < 157" (villages apart when they have their own limit).
 */
function capacityArithmetic(
  input: PlannerInput,
  open: PlannerTarget[],
): Omit<ShortfallReason, "targetIds"> | null {
  const { limits } = input;
  const targetById = new Map(input.targets.map((t) => [t.id, t]));
  const formRounds = input.rounds.filter((r) => r.groups.length === 0).length;
  const existing = input.rounds.flatMap((r) => r.groups);
  const existingRoom = (kind: "all" | "others" | "villages") =>
    existing.reduce((sum, g) => {
      const load = loadOf(g.targetIds.map((id) => targetById.get(id) ?? { category: "" }));
      const left =
        kind === "all"
          ? limits.targetsPerGroup - load.others - load.villages
          : kind === "others"
            ? limits.targetsPerGroup - load.others
            : (limits.villagesPerGroup ?? 0) - load.villages;
      return sum + Math.max(0, left);
    }, 0);
  const expr = (room: number, perGroup: number, unit: string) => {
    const parts: string[] = [];
    if (existing.length) parts.push(`已组建的 ${existing.length} 个组剩余 ${room} 个`);
    if (formRounds) parts.push(`${formRounds} 轮 × ${limits.groupsPerRound} 组 × ${perGroup} 个${unit}`);
    const total = room + formRounds * limits.groupsPerRound * perGroup;
    return { text: `${parts.join(" + ") || "0"} = ${total}`, total };
  };
  const load = loadOf(open);
  if (limits.villagesPerGroup === null) {
    const e = expr(existingRoom("all"), limits.targetsPerGroup, "");
    if (e.total >= open.length) return null;
    return { kind: "capacity", message: `${e.text} < ${open.length}` };
  }
  const parts: string[] = [];
  const o = expr(existingRoom("others"), limits.targetsPerGroup, "");
  if (o.total < load.others) parts.push(`村(社区)以外的对象 ${o.text} < ${load.others}`);
  const v = expr(existingRoom("villages"), limits.villagesPerGroup, "村(社区)");
  if (v.total < load.villages) parts.push(`村(社区) ${v.text} < ${load.villages}`);
  return parts.length ? { kind: "capacity", message: parts.join("，") } : null;
}
