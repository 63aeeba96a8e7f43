import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "./check-plan";
import { DEFAULT_PLAN_LIMITS, type PlanLimits } from "./plan-limits";
import {
  type PlannerInput,
  type PlannerPerson,
  type PlannerRound,
  type PlannerTarget,
  planCoverage,
} from "./planner";

const pad = (n: number) => String(n).padStart(4, "0");
const target = (n: number, over: Partial<PlannerTarget> = {}): PlannerTarget => ({
  id: `t${pad(n)}`,
  name: `单位${pad(n)}`,
  category: "department",
  sector: "",
  parentTargetId: null,
  lastInspectedOn: null,
  status: "open",
  ...over,
});
const person = (id: string, pool: "leader" | "talent", over: Partial<PlannerPerson> = {}): PlannerPerson => ({
  id,
  name: id,
  pool,
  available: true,
  ...over,
});
const staff = (leaders: number, talent: number) => [
  ...Array.from({ length: leaders }, (_, i) => person(`L${pad(i)}`, "leader")),
  ...Array.from({ length: talent }, (_, i) => person(`M${pad(i)}`, "talent")),
];
const futureRounds = (from: number, count: number, sector = ""): PlannerRound[] =>
  Array.from({ length: count }, (_, i) => ({ roundNumber: from + i, sector, groups: [] }));
const limits = (over: Partial<PlanLimits> = {}): PlanLimits => ({
  ...DEFAULT_PLAN_LIMITS,
  groupsPerRound: 2,
  targetsPerGroup: 3,
  membersPerGroup: 1,
  maxConsecutiveRounds: 5,
  ...over,
});
const input = (over: Partial<PlannerInput>): PlannerInput => ({
  targets: [],
  people: staff(4, 4),
  rounds: futureRounds(1, 1),
  limits: limits(),
  service: [],
  conflicts: () => false,
  ...over,
});
const placedIds = (r: ReturnType<typeof planCoverage>) => r.entries.map((e) => e.targetId).sort();

describe("planCoverage", () => {
  it("places every open target once when the rounds have room, and says full coverage is reachable", () => {
    const targets = Array.from({ length: 6 }, (_, i) => target(i));
    const plan = planCoverage(input({ targets }));
    expect(placedIds(plan)).toEqual(targets.map((t) => t.id));
    expect(plan.groups).toHaveLength(2);
    expect(plan.shortfall).toMatchObject({ count: 0, plannable: 6, reasons: [] });
    expect(plan.shortfall.statement).toBe("剩余 6 个对象均已安排，本届可以实现全覆盖");
    expect(checkPlan(input({ targets }), plan)).toEqual([]);
  });

  it("states the arithmetic when the remaining rounds cannot hold the targets", () => {
    const targets = Array.from({ length: 157 }, (_, i) => target(i));
    const plan = planCoverage(
      input({
        targets,
        people: staff(20, 40),
        rounds: futureRounds(4, 3),
        limits: limits({ groupsPerRound: 5, targetsPerGroup: 8, membersPerGroup: 2 }),
      }),
    );
    expect(plan.entries).toHaveLength(120);
    expect(plan.shortfall.count).toBe(37);
    expect(plan.shortfall.statement).toBe("37 个对象无法在本届覆盖：3 轮 × 5 组 × 8 个 = 120 < 157");
    expect(plan.shortfall.reasons[0]).toMatchObject({ kind: "capacity" });
    expect(plan.shortfall.reasons[0]!.targetIds).toHaveLength(37);
  });

  it("never places excluded, covered or scheduled targets", () => {
    const targets = [
      target(1),
      target(2, { status: "excluded" }),
      target(3, { status: "covered" }),
      target(4, { status: "scheduled" }),
    ];
    const plan = planCoverage(input({ targets }));
    expect(placedIds(plan)).toEqual(["t0001"]);
    expect(plan.shortfall.plannable).toBe(1);
  });

  it("puts the targets inspected longest ago first", () => {
    const targets = [
      target(1, { lastInspectedOn: "2021-05-01" }),
      target(2, { lastInspectedOn: "2016-05-01" }),
      target(3),
    ];
    const plan = planCoverage(input({ targets, limits: limits({ groupsPerRound: 1, targetsPerGroup: 2 }) }));
    expect(placedIds(plan)).toEqual(["t0002", "t0003"]);
  });

  it("keeps a township with its villages in one group; villages count apart when they have their own limit", () => {
    const township = target(1, { category: "township", name: "城关镇" });
    const villages = [2, 3, 4, 5].map((n) =>
      target(n, { category: "village", parentTargetId: township.id, name: `城关镇${n}村` }),
    );
    const others = [target(6), target(7)];
    const all = [township, ...villages, ...others];
    const plan = planCoverage(
      input({
        targets: all,
        limits: limits({ groupsPerRound: 2, targetsPerGroup: 2, villagesPerGroup: 4 }),
      }),
    );
    const groupOf = new Map(plan.entries.map((e) => [e.targetId, e.groupNumber]));
    for (const v of villages) expect(groupOf.get(v.id)).toBe(groupOf.get(township.id));
    expect(plan.shortfall.count).toBe(0);

    // Villages counting toward the group limit: the cluster (5) exceeds 3 and goes in batches.
    const batched = planCoverage(input({ targets: all, limits: limits({ groupsPerRound: 3 }) }));
    expect(batched.shortfall.notes[0]).toContain("城关镇等 5 个对象超过每组上限，分为 2 批安排");
    expect(checkPlan(input({ targets: all, limits: limits({ groupsPerRound: 3 }) }), batched)).toEqual([]);
  });

  it("gives a thematic round only the targets of its sector, and says when its room stays unused", () => {
    const targets = [target(1, { sector: "教育" }), target(2, { sector: "卫生" }), target(3)];
    const rounds: PlannerRound[] = [{ roundNumber: 1, sector: "教育", groups: [] }];
    const plan = planCoverage(input({ targets, rounds }));
    expect(placedIds(plan)).toEqual(["t0001"]);
    expect(plan.shortfall.count).toBe(2);
    expect(plan.shortfall.reasons.map((r) => r.kind)).toContain("sector");
    expect(plan.shortfall.statement).toContain("第1轮为“教育”领域专项");
  });

  it("fills a thematic round first, even when an ordinary round comes before it", () => {
    const targets = [target(1, { sector: "教育" }), target(2, { sector: "教育" }), target(3), target(4)];
    const rounds: PlannerRound[] = [
      { roundNumber: 1, sector: "", groups: [] },
      { roundNumber: 2, sector: "教育", groups: [] },
    ];
    const plan = planCoverage(
      input({ targets, rounds, limits: limits({ groupsPerRound: 1, targetsPerGroup: 2 }) }),
    );
    expect(plan.shortfall.count).toBe(0);
    expect(plan.entries.filter((e) => e.roundNumber === 2).map((e) => e.targetId)).toEqual([
      "t0001",
      "t0002",
    ]);
  });

  it("keeps recusal: no person of a group conflicts with its targets; a target everyone conflicts with is named", () => {
    const targets = [target(1), target(2), target(3, { name: "回避局" })];
    const conflicts = (p: string, t: string) => t === "t0003" || (p === "L0000" && t === "t0001");
    const plan = planCoverage(input({ targets, conflicts }));
    expect(placedIds(plan)).toEqual(["t0001", "t0002"]);
    const leaderOf = new Map(plan.groups.map((g) => [g.groupNumber, g.leaderId]));
    const t1 = plan.entries.find((e) => e.targetId === "t0001")!;
    expect(leaderOf.get(t1.groupNumber)).not.toBe("L0000");
    expect(plan.shortfall.reasons.find((r) => r.kind === "recusal")).toMatchObject({
      targetIds: ["t0003"],
      message: "回避局因回避无法安排：有容量的巡察组均有须回避的人员",
    });
    expect(checkPlan(input({ targets, conflicts }), plan)).toEqual([]);
  });

  it("uses groups formed already as they are, within their room and without recusal conflicts", () => {
    const targets = [target(1, { status: "scheduled" }), target(2), target(3), target(4)];
    const rounds: PlannerRound[] = [
      {
        roundNumber: 3,
        roundId: "r3",
        sector: "",
        groups: [
          { groupNumber: 1, groupId: "g1", personIds: ["L0000", "M0000"], targetIds: ["t0001"] },
          { groupNumber: 2, groupId: "g2", personIds: ["L0001", "M0001"], targetIds: [] },
        ],
      },
    ];
    const conflicts = (p: string, t: string) => p === "M0001" && t === "t0002";
    const plan = planCoverage(input({ targets, rounds, conflicts, limits: limits({ targetsPerGroup: 2 }) }));
    expect(plan.groups.map((g) => [g.groupNumber, g.existing, g.personIds])).toEqual([
      [1, true, ["L0000", "M0000"]],
      [2, true, ["L0001", "M0001"]],
    ]);
    expect(plan.entries).toEqual(
      expect.arrayContaining([
        { roundNumber: 3, groupNumber: 1, targetId: "t0002", roundId: "r3", groupId: "g1" },
      ]),
    );
    expect(plan.entries).toHaveLength(3);
    expect(plan.entries.filter((e) => e.groupNumber === 1)).toHaveLength(1);
  });

  it("forms fewer groups when people run out, and says so", () => {
    const targets = Array.from({ length: 6 }, (_, i) => target(i));
    const plan = planCoverage(input({ targets, people: staff(1, 4) }));
    expect(plan.groups).toHaveLength(1);
    expect(plan.shortfall.count).toBe(3);
    expect(plan.shortfall.reasons.find((r) => r.kind === "people")?.message).toContain(
      "第1轮人员只够组成 1 个组",
    );
  });

  it("lets nobody serve more rounds in a row than allowed", () => {
    const targets = Array.from({ length: 9 }, (_, i) => target(i));
    const l = limits({ groupsPerRound: 1, maxConsecutiveRounds: 1 });
    const people = staff(2, 2);
    const plan = planCoverage(
      input({
        targets,
        people,
        rounds: futureRounds(2, 3),
        limits: l,
        service: [{ personId: "L0000", roundNumber: 1 }],
      }),
    );
    expect(plan.shortfall.count).toBe(0);
    expect(plan.groups.map((g) => g.leaderId)).toEqual(["L0001", "L0000", "L0001"]);
    expect(
      checkPlan(
        input({
          targets,
          people,
          rounds: futureRounds(2, 3),
          limits: l,
          service: [{ personId: "L0000", roundNumber: 1 }],
        }),
        plan,
      ),
    ).toEqual([]);
  });

  it("gives the same plan for the same input in any order", () => {
    const targets = Array.from({ length: 30 }, (_, i) =>
      target(i, {
        category: i % 3 ? "village" : "township",
        parentTargetId: i % 3 ? `t${pad(i - (i % 3))}` : null,
      }),
    );
    const people = staff(6, 12);
    const conflicts = (p: string, t: string) => (p.charCodeAt(4) + t.charCodeAt(4)) % 7 === 0;
    const a = planCoverage(input({ targets, people, rounds: futureRounds(1, 3), conflicts }));
    const b = planCoverage(
      input({
        targets: [...targets].reverse(),
        people: [...people].reverse(),
        rounds: futureRounds(1, 3).reverse(),
        conflicts,
      }),
    );
    expect(b).toEqual(a);
  });

  it("reports that no rounds are left", () => {
    const plan = planCoverage(input({ targets: [target(1)], rounds: [] }));
    expect(plan.shortfall.statement).toBe("1 个对象无法在本届覆盖：本届已无可安排的剩余轮次");
  });
});

describe("checkPlan", () => {
  it("finds a moved target that breaks recusal, a limit, a duplicate or a slot", () => {
    const targets = [target(1), target(2), target(3)];
    const conflicts = (p: string, t: string) => p === "L0000" && t === "t0003";
    const inp = input({ targets, conflicts, limits: limits({ targetsPerGroup: 2 }) });
    const plan = planCoverage(inp);
    expect(checkPlan(inp, plan)).toEqual([]);
    const g1 = plan.groups.find((g) => g.leaderId === "L0000")!;
    const moved = plan.entries.map((e) =>
      e.targetId === "t0003" ? { ...e, groupNumber: g1.groupNumber } : e,
    );
    const rules = checkPlan(inp, { ...plan, entries: moved }).map((v) => v.rule);
    expect(rules).toContain("recusal");
    expect(
      checkPlan(inp, { ...plan, entries: [...plan.entries, plan.entries[0]!] }).map((v) => v.rule),
    ).toContain("duplicate");
    expect(
      checkPlan(inp, { ...plan, entries: [{ roundNumber: 9, groupNumber: 1, targetId: "t0001" }] }).map(
        (v) => v.rule,
      ),
    ).toContain("slot");
  });
});

/** A random committee: targets (townships with villages, sectors, statuses), people, rounds, conflicts. */
const committeeArb = fc
  .record({
    townships: fc.integer({ min: 0, max: 5 }),
    villagesEach: fc.integer({ min: 0, max: 6 }),
    departments: fc.integer({ min: 0, max: 30 }),
    leaders: fc.integer({ min: 0, max: 8 }),
    talent: fc.integer({ min: 0, max: 16 }),
    unavailable: fc.integer({ min: 0, max: 3 }),
    futureRounds: fc.integer({ min: 0, max: 5 }),
    existingGroups: fc.integer({ min: 0, max: 3 }),
    groupsPerRound: fc.integer({ min: 1, max: 4 }),
    targetsPerGroup: fc.integer({ min: 1, max: 6 }),
    villagesPerGroup: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    membersPerGroup: fc.integer({ min: 0, max: 3 }),
    maxConsecutiveRounds: fc.integer({ min: 1, max: 3 }),
    keepVillagesWithTownship: fc.boolean(),
    thematic: fc.boolean(),
    statusSeed: fc.integer({ min: 0, max: 1000 }),
    conflictSeed: fc.integer({ min: 0, max: 1000 }),
    conflictRate: fc.integer({ min: 0, max: 40 }),
  })
  .map((c): PlannerInput => {
    const statuses = ["open", "open", "open", "excluded", "covered", "scheduled"] as const;
    const targets: PlannerTarget[] = [];
    let n = 0;
    const status = () => statuses[(n * 7 + c.statusSeed) % statuses.length]!;
    for (let i = 0; i < c.townships; i++) {
      const t = target(n++, { category: "township", sector: "乡镇", status: status() });
      targets.push(t);
      for (let v = 0; v < c.villagesEach; v++) {
        targets.push(
          target(n++, {
            category: v % 2 ? "community" : "village",
            parentTargetId: t.id,
            sector: "乡镇",
            status: status(),
          }),
        );
      }
    }
    for (let i = 0; i < c.departments; i++) {
      targets.push(target(n++, { sector: i % 3 === 0 ? "教育" : "", status: status() }));
    }
    const people = [
      ...Array.from({ length: c.leaders }, (_, i) =>
        person(`L${pad(i)}`, "leader", { available: i >= c.unavailable }),
      ),
      ...Array.from({ length: c.talent }, (_, i) => person(`M${pad(i)}`, "talent")),
    ];
    const rounds: PlannerRound[] = [];
    let next = 3;
    if (c.existingGroups && people.length >= 2) {
      rounds.push({
        roundNumber: next++,
        roundId: "existing",
        sector: "",
        groups: Array.from({ length: c.existingGroups }, (_, i) => ({
          groupNumber: i + 1,
          groupId: `g${i}`,
          personIds: [people[i % people.length]!.id],
          targetIds: [],
        })).filter((g, i, all) => all.findIndex((x) => x.personIds[0] === g.personIds[0]) === i),
      });
    }
    for (let i = 0; i < c.futureRounds; i++) {
      rounds.push({ roundNumber: next++, sector: c.thematic && i === 0 ? "教育" : "", groups: [] });
    }
    const hash = (s: string) =>
      [...s].reduce((h, ch) => (h * 31 + ch.charCodeAt(0) + c.conflictSeed) % 1009, 7);
    return {
      targets,
      people,
      rounds,
      limits: {
        groupsPerRound: c.groupsPerRound,
        targetsPerGroup: c.targetsPerGroup,
        villagesPerGroup: c.villagesPerGroup,
        membersPerGroup: c.membersPerGroup,
        maxConsecutiveRounds: c.maxConsecutiveRounds,
        keepVillagesWithTownship: c.keepVillagesWithTownship,
        roundSectors: {},
      },
      service: people.length ? [{ personId: people[0]!.id, roundNumber: 2 }] : [],
      conflicts: (p, t) => hash(`${p}|${t}`) % 100 < c.conflictRate,
    };
  });

describe("planCoverage on random committees", () => {
  it("places each target at most once, only open ones, within limits, sectors, people rules and recusal; all when no shortfall", () => {
    fc.assert(
      fc.property(committeeArb, (inp) => {
        const plan = planCoverage(inp);
        const open = inp.targets.filter((t) => t.status === "open").map((t) => t.id);
        const placed = plan.entries.map((e) => e.targetId);
        // Every placed target is placed exactly once, and is open.
        expect(new Set(placed).size).toBe(placed.length);
        for (const id of placed) expect(open).toContain(id);
        // No limit, sector, people or recusal rule broken.
        expect(checkPlan(inp, plan)).toEqual([]);
        // Placed and unplaced make up the plannable targets exactly.
        expect([...placed, ...plan.shortfall.unplacedTargetIds].sort()).toEqual([...open].sort());
        expect(plan.shortfall.count).toBe(open.length - placed.length);
        if (plan.shortfall.count === 0) expect([...placed].sort()).toEqual([...open].sort());
        else expect(plan.shortfall.statement).toMatch(/^\d+ 个对象无法在本届覆盖：/);
      }),
      { numRuns: 300 },
    );
  });
});
