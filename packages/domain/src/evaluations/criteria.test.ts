import { describe, expect, it } from "vitest";
import { DEFAULT_GROUP_EVALUATION_CRITERIA, gradeOf, groupEvaluationCriteriaSchema } from "./criteria";

const t = DEFAULT_GROUP_EVALUATION_CRITERIA.thresholds;

describe("grades", () => {
  it("gives each grade from its threshold up, boundaries included", () => {
    expect(gradeOf(100, 100, t)).toBe("优秀");
    expect(gradeOf(90, 100, t)).toBe("优秀");
    expect(gradeOf(89.99, 100, t)).toBe("良好");
    expect(gradeOf(80, 100, t)).toBe("良好");
    expect(gradeOf(79.5, 100, t)).toBe("一般");
    expect(gradeOf(60, 100, t)).toBe("一般");
    expect(gradeOf(59.99, 100, t)).toBe("较差");
    expect(gradeOf(0, 100, t)).toBe("较差");
  });
  it("grades by the share of the full score when the criteria do not add up to 100", () => {
    expect(gradeOf(108, 120, t)).toBe("优秀"); // 90 %
    expect(gradeOf(107.9, 120, t)).toBe("良好");
    expect(gradeOf(27, 30, t)).toBe("优秀");
    // 0.1 + 0.2 style floating point does not drop a total exactly on the line
    expect(gradeOf(0.1 * 3 * 300, 100, t)).toBe("优秀");
  });
  it("follows the committee's own thresholds", () => {
    expect(gradeOf(85, 100, { 优秀: 85, 良好: 75, 一般: 50 })).toBe("优秀");
    expect(gradeOf(55, 100, { 优秀: 85, 良好: 75, 一般: 50 })).toBe("一般");
  });
});

describe("criteria setting", () => {
  it("accepts the defaults (six criteria summing to 100, six conduct questions)", () => {
    expect(groupEvaluationCriteriaSchema.safeParse(DEFAULT_GROUP_EVALUATION_CRITERIA).success).toBe(true);
    expect(DEFAULT_GROUP_EVALUATION_CRITERIA.criteria.reduce((n, c) => n + c.max, 0)).toBe(100);
  });
  it("refuses thresholds out of order and duplicate codes", () => {
    expect(
      groupEvaluationCriteriaSchema.safeParse({
        ...DEFAULT_GROUP_EVALUATION_CRITERIA,
        thresholds: { 优秀: 80, 良好: 80, 一般: 60 },
      }).success,
    ).toBe(false);
    const [first, ...rest] = DEFAULT_GROUP_EVALUATION_CRITERIA.criteria;
    expect(
      groupEvaluationCriteriaSchema.safeParse({
        ...DEFAULT_GROUP_EVALUATION_CRITERIA,
        criteria: [first, ...rest.map((c) => ({ ...c, code: first!.code }))],
      }).success,
    ).toBe(false);
  });
});
