import { describe, expect, it } from "vitest";
import {
  measureLabels,
  problemList,
  problemsWithoutMeasures,
  responsibilityList,
  taskList,
  versionMeasureLabels,
} from "./plan-lists";
import type { PlanDraft, VersionContent, VersionDiff } from "./review-api";
import { changeRows, diffCaption, formatFieldValue, measureDiffViews } from "./review-diff";
import { buildReview, countReturns, initialVerdicts } from "./review-form";

const measure = (id: string, over: Partial<PlanDraft["findings"][number]["measures"][number]> = {}) => ({
  id,
  content: `措施${id}`,
  goal: "",
  responsibleLeader: "",
  responsibleDept: "",
  responsiblePerson: "张三",
  deadline: "2026-12-31",
  longTerm: false,
  ...over,
});

const plan: PlanDraft = {
  summary: "总体方案",
  findings: [
    {
      id: "f1",
      number: 1,
      title: "问题一",
      description: "",
      category: "党的领导",
      measures: [
        measure("m1", { responsibleLeader: "李书记", deadline: "2027-01-31" }),
        measure("m2", { responsibleLeader: "李书记", longTerm: true }),
      ],
    },
    { id: "f2", number: 2, title: "问题二", description: "", category: "作风", measures: [] },
    { id: "f3", number: 3, title: "问题三", description: "", category: "作风", measures: [measure("m3")] },
  ],
};

describe("the three lists of a plan", () => {
  it("问题清单: one row per problem with its measure count, latest deadline and distinct leaders", () => {
    expect(
      problemList(plan).map((r) => [r.number, r.measureCount, r.deadline, r.leaders, r.longTerm]),
    ).toEqual([
      [1, 2, "2027-01-31", "李书记", true],
      [2, 0, "", "", false],
      [3, 1, "2026-12-31", "", false],
    ]);
  });

  it("任务清单 and 责任清单: one row per measure, labelled by problem and measure number", () => {
    expect(taskList(plan).map((t) => t.label)).toEqual([
      "问题 1 · 措施 1",
      "问题 1 · 措施 2",
      "问题 3 · 措施 1",
    ]);
    expect(responsibilityList(plan)[1]).toMatchObject({
      key: "m2",
      responsibleLeader: "李书记",
      responsiblePerson: "张三",
    });
    expect(measureLabels(plan).get("m3")).toBe("问题 3 · 措施 1");
  });

  it("names measures removed from the plan by the problem of the version that held them", () => {
    const versions = [
      {
        content: {
          measures: [
            { id: "m1", fields: { findingId: "f1" } },
            { id: "gone", fields: { findingId: "f3" } },
            { id: "orphan", fields: {} },
          ],
        },
      },
    ];
    const labels = versionMeasureLabels(plan, versions);
    expect([labels.get("m1"), labels.get("gone"), labels.get("orphan")]).toEqual([
      "问题 1 · 措施 1",
      "问题 3 · 已删除的措施",
      "已删除的措施",
    ]);
    expect(versionMeasureLabels(null, versions).get("m1")).toBe("已删除的措施");
  });

  it("finds the problems still without a measure", () => {
    expect(problemsWithoutMeasures(plan).map((f) => f.number)).toEqual([2]);
  });
});

describe("diff presentation", () => {
  const current: VersionContent = {
    whole: { summary: "新概述" },
    measures: [
      { id: "m1", fields: { content: "新措施", deadline: "2027-02-01", longTerm: true } },
      { id: "m2", fields: { content: "不变" } },
      { id: "m4", fields: { content: "新增的", completion: "done" } },
    ],
  };
  const diff: VersionDiff = {
    from: 1,
    to: 2,
    whole: [{ field: "summary", before: "旧", after: "新概述" }],
    measures: [
      {
        id: "m1",
        kind: "changed",
        fields: [
          { field: "longTerm", before: false, after: true },
          { field: "content", before: "旧措施", after: "新措施" },
        ],
      },
      { id: "m4", kind: "added", after: { content: "新增的", completion: "done" } },
      { id: "m3", kind: "removed", before: { content: "删掉的", findingId: "f3" } },
    ],
    unchanged: ["m2"],
  };

  it("lists the version's measures in order (unchanged too), then the removed ones", () => {
    const views = measureDiffViews(diff, current, ["findingId"]);
    expect(views.map((v) => [v.id, v.kind])).toEqual([
      ["m1", "changed"],
      ["m2", "unchanged"],
      ["m4", "added"],
      ["m3", "removed"],
    ]);
    expect(views[0]!.rows).toEqual([
      { field: "content", label: "整改措施", before: "旧措施", after: "新措施" },
      { field: "longTerm", label: "常态化", before: "否", after: "是" },
    ]);
    expect(views[2]!.rows.map((r) => [r.label, r.after])).toEqual([
      ["整改措施", "新增的"],
      ["完成情况", "已完成"],
    ]);
    expect(views[3]!.rows.map((r) => r.field)).toEqual(["content"]);
    expect(views[1]!.rows).toEqual([]);
  });

  it("formats values and says what the diff is against", () => {
    expect(formatFieldValue("goal", "")).toBe("（空）");
    expect(formatFieldValue("goal", null)).toBe("（空）");
    expect(formatFieldValue("rules", ["a", "b"])).toBe("a、b");
    expect(changeRows(diff.whole)[0]).toMatchObject({ label: "方案概述", before: "旧", after: "新概述" });
    expect(diffCaption(diff)).toBe("与本方上次审核的第 1 版相比：3 条措施有变化，整体内容有修改，1 条未修改");
    expect(diffCaption({ from: null, to: 1, whole: [], measures: [], unchanged: [] })).toBe(
      "首次审核第 1 版，全部内容均为新增",
    );
  });
});

describe("a party's answer", () => {
  it("starts as pass on every measure to review and sends exactly those", () => {
    const verdicts = initialVerdicts(["m1", "m2"]);
    const out = buildReview(
      "office",
      2,
      ["m1", "m2"],
      { decision: "pass", opinion: " 好 " },
      { ...verdicts, m9: { decision: "pass", opinion: "" } },
    );
    expect(out).toEqual({
      ok: true,
      input: {
        party: "office",
        version: 2,
        whole: { decision: "pass", opinion: "好" },
        measures: { m1: { decision: "pass", opinion: "" }, m2: { decision: "pass", opinion: "" } },
      },
    });
  });

  it("refuses a return without an opinion, on the whole or on a measure", () => {
    const out = buildReview(
      "group",
      1,
      ["m1", "m2"],
      { decision: "return", opinion: "  " },
      { m1: { decision: "return", opinion: "" }, m2: { decision: "return", opinion: "责任人不明确" } },
    );
    expect(out).toEqual({ ok: false, problems: [{ kind: "whole" }, { kind: "measure", id: "m1" }] });
    expect(
      countReturns({ decision: "return", opinion: "" }, { m1: { decision: "return", opinion: "" } }, [
        "m1",
        "m2",
      ]),
    ).toBe(2);
  });
});
