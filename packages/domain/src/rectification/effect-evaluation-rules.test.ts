import { describe, expect, it } from "vitest";
import type { AppError } from "../model/errors";
import {
  DEFAULT_EVALUATION_SETTING,
  evaluationSettingSchema,
  rectificationGrade,
  scoreEvaluation,
} from "./effect-evaluation-rules";

const all = (score: number) =>
  Object.fromEntries(DEFAULT_EVALUATION_SETTING.criteria.map((c) => [c.key, score]));

describe("effect evaluation", () => {
  it("the default criteria are the five of the issue, weights summing to 100", () => {
    expect(DEFAULT_EVALUATION_SETTING.criteria.map((c) => c.label)).toEqual([
      "整改责任落实",
      "整改措施",
      "整改成效",
      "建章立制",
      "群众满意度",
    ]);
    expect(DEFAULT_EVALUATION_SETTING.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(evaluationSettingSchema.safeParse(DEFAULT_EVALUATION_SETTING).success).toBe(true);
  });

  it("totals the weighted scores and grades them", () => {
    // 20% × 100 + 20% × 90 + 30% × 80 + 15% × 70 + 15% × 60 = 20 + 18 + 24 + 10.5 + 9 = 81.5
    const r = scoreEvaluation(DEFAULT_EVALUATION_SETTING, {
      responsibility: 100,
      measures: 90,
      results: 80,
      rules: 70,
      satisfaction: 60,
    });
    expect(r.total).toBe(81.5);
    expect(r.grade).toBe("较好");
    expect(r.items.map((i) => [i.key, i.weight, i.score])).toEqual([
      ["responsibility", 20, 100],
      ["measures", 20, 90],
      ["results", 30, 80],
      ["rules", 15, 70],
      ["satisfaction", 15, 60],
    ]);
  });

  it("grades at the thresholds exactly: 好 ≥ 90, 较好 ≥ 75, 一般 ≥ 60, else 差", () => {
    const t = DEFAULT_EVALUATION_SETTING.thresholds;
    expect(scoreEvaluation(DEFAULT_EVALUATION_SETTING, all(90)).grade).toBe("好");
    expect(rectificationGrade(89.99, t)).toBe("较好");
    expect(rectificationGrade(75, t)).toBe("较好");
    expect(rectificationGrade(74.99, t)).toBe("一般");
    expect(rectificationGrade(60, t)).toBe("一般");
    expect(rectificationGrade(59.99, t)).toBe("差");
    expect(scoreEvaluation(DEFAULT_EVALUATION_SETTING, all(0))).toMatchObject({ total: 0, grade: "差" });
  });

  it("does not lose a hundredth to floating point (0.1 + 0.2)", () => {
    const setting = {
      criteria: [
        { key: "a", label: "甲", weight: 50 },
        { key: "b", label: "乙", weight: 50 },
      ],
      thresholds: { 好: 90, 较好: 75, 一般: 60 },
    };
    expect(scoreEvaluation(setting, { a: 90.1, b: 89.9 })).toMatchObject({ total: 90, grade: "好" });
    expect(scoreEvaluation(setting, { a: 60.01, b: 60 }).total).toBe(60.01);
  });

  it("refuses a missing, unknown, out-of-range or over-precise score", () => {
    const refuse = (scores: Record<string, number>) => {
      try {
        scoreEvaluation(DEFAULT_EVALUATION_SETTING, scores);
      } catch (e) {
        return (e as AppError).code;
      }
      return "accepted";
    };
    const { satisfaction: _, ...missing } = all(80);
    expect(refuse(missing)).toBe("rectification_evaluation.scores_invalid");
    expect(refuse({ ...all(80), extra: 1 })).toBe("rectification_evaluation.scores_invalid");
    expect(refuse({ ...all(80), results: 101 })).toBe("rectification_evaluation.scores_invalid");
    expect(refuse({ ...all(80), results: -1 })).toBe("rectification_evaluation.scores_invalid");
    expect(refuse({ ...all(80), results: 80.123 })).toBe("rectification_evaluation.scores_invalid");
    expect(refuse(all(80))).toBe("accepted");
  });

  it("the setting needs weights summing to 100, distinct keys and descending thresholds", () => {
    const errors = (v: unknown) =>
      evaluationSettingSchema.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    const criteria = DEFAULT_EVALUATION_SETTING.criteria;
    expect(errors({ ...DEFAULT_EVALUATION_SETTING, criteria: criteria.slice(1) })).toEqual([
      "权重之和须为 100（当前为 80）",
    ]);
    expect(
      errors({
        ...DEFAULT_EVALUATION_SETTING,
        criteria: [...criteria.slice(1), { ...criteria[1]!, weight: 20 }],
      }),
    ).toEqual(["编码不能重复"]);
    expect(errors({ ...DEFAULT_EVALUATION_SETTING, thresholds: { 好: 80, 较好: 80, 一般: 60 } })).toEqual([
      "等次分数线须满足：好 > 较好 > 一般",
    ]);
  });
});
