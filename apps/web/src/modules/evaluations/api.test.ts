import { describe, expect, it } from "vitest";
import { criteriaProblems, type EvaluationCriteria, freshCode } from "./api";

const valid = (): EvaluationCriteria => ({
  criteria: [{ code: "findings", title: "发现问题", max: 30, hint: "", fact: "findings" }],
  thresholds: { 优秀: 90, 良好: 80, 一般: 60 },
  conductQuestions: ["a", "b", "c", "d", "e"].map((code) => ({ code, title: `问题${code}` })),
});

describe("criteriaProblems", () => {
  it("accepts what the server schema accepts", () => {
    expect(criteriaProblems(valid())).toEqual([]);
  });

  it("reports blank titles, bad codes, non-positive maxima and duplicate codes", () => {
    const v = valid();
    v.criteria.push({ code: "1x", title: " ", max: 0, hint: "", fact: "none" });
    v.criteria.push({ code: "findings", title: "重复", max: 5, hint: "", fact: "none" });
    const problems = criteriaProblems(v);
    expect(problems).toContain("第 2 个评价项目：请填写评价项目");
    expect(problems).toContain("第 2 个评价项目：满分须大于 0");
    expect(problems.some((p) => p.startsWith("第 2 个评价项目：编码须以字母开头"))).toBe(true);
    expect(problems).toContain("评价项目的编码不能重复");
  });

  it("needs thresholds in order and 5 to 8 conduct questions", () => {
    const v = valid();
    v.thresholds = { 优秀: 80, 良好: 80, 一般: 60 };
    v.conductQuestions = v.conductQuestions.slice(0, 4);
    expect(criteriaProblems(v)).toEqual([
      "等次分数线须满足：优秀 > 良好 > 一般",
      "作风评价问题应为 5 至 8 个",
    ]);
    expect(criteriaProblems({ ...valid(), criteria: [] })).toEqual(["至少设置一个评价项目"]);
  });
});

describe("freshCode", () => {
  it("skips codes in use", () => {
    expect(freshCode("q", [{ code: "a" }, { code: "q3" }])).toBe("q4");
    expect(freshCode("c", [])).toBe("c1");
  });
});
