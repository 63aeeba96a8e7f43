import { describe, expect, it } from "vitest";
import { evaluationSettingErrors } from "./evaluation-settings-card";
import { previewTotal } from "./evaluations-tab";
import { revisitSettingErrors } from "./revisit-settings-card";

describe("follow-up forms", () => {
  it("previews the weighted total as the server computes it, once every criterion is scored", () => {
    const criteria = [
      { key: "a", label: "甲", weight: 30 },
      { key: "b", label: "乙", weight: 70 },
    ];
    expect(previewTotal(criteria, { a: 90 })).toBeNull();
    expect(previewTotal(criteria, { a: 90, b: 80 })).toBe(83);
    expect(previewTotal(criteria, { a: 90.1, b: 89.9 })).toBe(89.96);
  });

  it("checks the revisit setting as the server's schema does", () => {
    expect(revisitSettingErrors({ minimum: 3, spacingDays: 90, dueWithinDays: 14 })).toEqual({});
    expect(revisitSettingErrors({ minimum: 0, spacingDays: 6, dueWithinDays: null })).toEqual({
      minimum: "须为 1 至 12 之间的整数",
      spacingDays: "须为 7 至 365 之间的整数",
      dueWithinDays: "须为 0 至 90 之间的整数",
    });
    expect(revisitSettingErrors({ minimum: 2.5, spacingDays: 90, dueWithinDays: 0 })).toEqual({
      minimum: "须为 1 至 12 之间的整数",
    });
  });

  it("checks the evaluation criteria as the server's schema does", () => {
    const ok = {
      criteria: [
        { key: "a", label: "整改责任落实", weight: 40 },
        { key: "b", label: "整改成效", weight: 60 },
      ],
      thresholds: { 好: 90, 较好: 75, 一般: 60 },
    };
    expect(evaluationSettingErrors(ok)).toEqual([]);
    expect(evaluationSettingErrors({ ...ok, criteria: [{ key: "a", label: " ", weight: 50 }] })).toEqual([
      "请填写每个评估项目的名称",
      "权重之和须为 100（当前为 50）",
    ]);
    expect(evaluationSettingErrors({ ...ok, thresholds: { 好: 80, 较好: 80, 一般: 60 } })).toEqual([
      "等次分数线须满足：好 > 较好 > 一般",
    ]);
    expect(
      evaluationSettingErrors({
        criteria: [{ key: "a", label: "甲", weight: null }],
        thresholds: ok.thresholds,
      }),
    ).toEqual(["权重须为大于 0 的整数", "权重之和须为 100（当前为 0）"]);
  });
});
