import { describe, expect, it } from "vitest";
import {
  monthsBetween,
  type RecusalContext,
  type RecusalPerson,
  type RecusalTarget,
  recusalConflicts,
} from "./rules";

const target: RecusalTarget = { id: "t1", name: "县财政局", category: "department", parentTargetId: null };
const village: RecusalTarget = { id: "v1", name: "东村", category: "village", parentTargetId: "town1" };
const ctx: RecusalContext = { asOf: "2026-03-01", rotation: true, previousRoundLabel: "第七轮" };

const person = (over: Partial<RecusalPerson> = {}): RecusalPerson => ({
  id: "p1",
  name: "王某",
  unitTargetId: null,
  jobs: [],
  relatives: [],
  ties: [],
  previousRoundTargetIds: [],
  ...over,
});
const job = (startMonth: string, endMonth: string | null, targetId: string | null = "t1") => ({
  unit: "县财政局",
  targetId,
  post: "",
  startMonth,
  endMonth,
});
const rules = (p: RecusalPerson, t = target, c = ctx) => recusalConflicts(p, t, c).map((x) => x.rule);

describe("months", () => {
  it("counts months between YYYY-MM and YYYY-MM-DD values", () => {
    expect(monthsBetween("2023-03", "2026-03-01")).toBe(36);
    expect(monthsBetween("2023-02", "2026-03")).toBe(37);
    expect(monthsBetween("2025-12", "2026-01")).toBe(1);
  });
});

describe("no conflict", () => {
  it("a person with no ties to the target has none", () => {
    expect(recusalConflicts(person(), target, ctx)).toEqual([]);
  });
  it("facts about other targets do not count", () => {
    const p = person({
      unitTargetId: "t9",
      jobs: [job("2020-01", null, "t9")],
      relatives: [{ relation: "spouse", name: "张某", targetId: "t9", post: "局长", inLeadership: true }],
      ties: [
        {
          kind: "superior",
          officialName: "李某",
          targetId: "t9",
          post: "",
          startMonth: "2024-01",
          endMonth: null,
        },
      ],
      previousRoundTargetIds: ["t9"],
    });
    expect(recusalConflicts(p, target, ctx)).toEqual([]);
  });
});

describe("worked in the target", () => {
  it("ended exactly 36 months before the round: conflict; 37 months: none (short job)", () => {
    const at36 = recusalConflicts(person({ jobs: [job("2022-06", "2023-03")] }), target, ctx);
    expect(at36).toEqual([
      {
        rule: "job.recent",
        personId: "p1",
        targetId: "t1",
        reason: "曾在该单位工作 2022-06 至 2023-03（近三年内）",
      },
    ]);
    expect(rules(person({ jobs: [job("2022-06", "2023-02")] }))).toEqual([]);
  });

  it("a current job (endMonth null) is a conflict, named as current", () => {
    const [c] = recusalConflicts(person({ jobs: [{ ...job("2010-01", null), post: "科员" }] }), target, ctx);
    expect(c).toMatchObject({ rule: "job.recent", reason: "现在该单位工作 科员 2010-01 至 今（近三年内）" });
  });

  it("a job of exactly 3 years long, long ago, is a conflict; 35 months is not", () => {
    const [long] = recusalConflicts(person({ jobs: [job("2015-01", "2017-12")] }), target, ctx);
    expect(long).toMatchObject({
      rule: "job.long",
      reason: "曾在该单位工作 2015-01 至 2017-12（任职满三年，共 36 个月）",
    });
    expect(rules(person({ jobs: [job("2015-02", "2017-12")] }))).toEqual([]);
  });

  it("example reason: worked 2019-03 to 2023-06", () => {
    const [c] = recusalConflicts(person({ jobs: [job("2019-03", "2023-06")] }), target, ctx);
    expect(c!.reason).toContain("曾在该单位工作 2019-03 至 2023-06");
  });

  it("each job in the target is its own conflict", () => {
    expect(rules(person({ jobs: [job("2000-01", "2004-12"), job("2024-01", "2024-06")] }))).toEqual([
      "job.long",
      "job.recent",
    ]);
  });
});

describe("relatives", () => {
  const spouse = { relation: "spouse", name: "张某", targetId: "t1", post: "党委书记", inLeadership: true };
  it("a spouse in the target's leadership: conflict for every role, naming the relative and post", () => {
    for (const role of ["leader", "deputy", "member", "liaison", undefined] as const) {
      const [c] = recusalConflicts(person({ relatives: [spouse] }), target, { ...ctx, role });
      expect(c).toMatchObject({
        rule: "relative.leadership",
        reason: "配偶 张某 任该单位 党委书记（领导班子成员）",
      });
    }
  });

  it("a relative working elsewhere in the target: conflict for members and liaisons (and unknown role), not for leader or deputy", () => {
    const son = { relation: "lineal", name: "王小某", targetId: "t1", post: "科员", inLeadership: false };
    const p = person({ relatives: [son] });
    expect(rules(p, target, { ...ctx, role: "member" })).toEqual(["relative.staff"]);
    expect(rules(p, target, { ...ctx, role: "liaison" })).toEqual(["relative.staff"]);
    expect(rules(p, target, { ...ctx })).toEqual(["relative.staff"]);
    expect(rules(p, target, { ...ctx, role: "leader" })).toEqual([]);
    expect(rules(p, target, { ...ctx, role: "deputy" })).toEqual([]);
    expect(recusalConflicts(p, target, ctx)[0]!.reason).toBe("直系亲属 王小某 在该单位工作 科员");
  });

  it("several relatives give several conflicts", () => {
    const p = person({
      relatives: [
        spouse,
        { relation: "inLaw", name: "赵某", targetId: "t1", post: "副局长", inLeadership: true },
        { relation: "sibling", name: "王二某", targetId: "t1", post: "", inLeadership: false },
        { relation: "friend", name: "钱某", targetId: "t1", post: "局长", inLeadership: true },
      ],
    });
    const found = recusalConflicts(p, target, ctx);
    expect(found.map((c) => c.rule)).toEqual([
      "relative.leadership",
      "relative.leadership",
      "relative.staff",
    ]);
    expect(found[1]!.reason).toBe("近姻亲 赵某 任该单位 副局长（领导班子成员）");
    expect(found[2]!.reason).toBe("兄弟姐妹 王二某 在该单位工作");
  });
});

describe("superior / subordinate ties", () => {
  const tie = (kind: string, startMonth: string, endMonth: string | null) => ({
    kind,
    officialName: "李某",
    targetId: "t1",
    post: "",
    startMonth,
    endMonth,
  });
  it("the person was the official's direct superior, ending inside the window", () => {
    const [c] = recusalConflicts(person({ ties: [tie("subordinate", "2023-01", "2024-05")] }), target, ctx);
    expect(c).toMatchObject({ rule: "tie.recent", reason: "2023-01 至 2024-05 为该单位 李某 的直接上级" });
  });
  it("the official was the person's superior, still current", () => {
    const [c] = recusalConflicts(
      person({ ties: [{ ...tie("superior", "2025-01", null), post: "局长" }] }),
      target,
      ctx,
    );
    expect(c!.reason).toBe("2025-01 至 今 为该单位 局长 李某 的直接下级");
  });
  it("36 months ago: conflict; 37 months ago: none, however long it lasted", () => {
    expect(rules(person({ ties: [tie("superior", "2010-01", "2023-03")] }))).toEqual(["tie.recent"]);
    expect(rules(person({ ties: [tie("superior", "2010-01", "2023-02")] }))).toEqual([]);
  });
});

describe("rotation", () => {
  const p = person({ previousRoundTargetIds: ["t1"] });
  it("inspected the target in the previous round: conflict naming the round", () => {
    expect(recusalConflicts(p, target, ctx)).toEqual([
      {
        rule: "rotation.previous_round",
        personId: "p1",
        targetId: "t1",
        reason: "上一轮（第七轮）巡察过该单位",
      },
    ]);
  });
  it("no conflict when the committee turns rotation off", () => {
    expect(rules(p, target, { ...ctx, rotation: false })).toEqual([]);
  });
});

describe("own unit", () => {
  it("the person's own unit is the target", () => {
    expect(recusalConflicts(person({ unitTargetId: "t1" }), target, ctx)).toEqual([
      { rule: "unit.same", personId: "p1", targetId: "t1", reason: "本人工作单位即该单位" },
    ]);
  });
  it("a village or community of the person's own township", () => {
    expect(rules(person({ unitTargetId: "town1" }), village)).toEqual(["unit.township"]);
    expect(rules(person({ unitTargetId: "town2" }), village)).toEqual([]);
  });
  it("a post in the village's township in the last 3 years; not one that ended 37 months ago", () => {
    const recent = person({ jobs: [{ ...job("2020-01", "2023-03", "town1"), unit: "东镇" }] });
    const [c] = recusalConflicts(recent, village, ctx);
    expect(c).toMatchObject({
      rule: "job.township",
      reason: "近三年在该村（社区）所属乡镇 东镇 工作 2020-01 至 2023-03",
    });
    expect(rules(person({ jobs: [job("2020-01", "2023-02", "town1")] }), village)).toEqual([]);
  });
  it("a target that is not a village is not matched through its parent", () => {
    expect(rules(person({ unitTargetId: "town1" }), target)).toEqual([]);
  });
});

describe("several rules at once", () => {
  it("lists every conflict in a stable order", () => {
    const p = person({
      unitTargetId: "t1",
      jobs: [job("2018-01", null)],
      previousRoundTargetIds: ["t1"],
    });
    expect(rules(p)).toEqual(["unit.same", "job.recent", "rotation.previous_round"]);
  });
});
