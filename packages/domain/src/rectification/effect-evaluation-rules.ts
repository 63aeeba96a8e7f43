import { z } from "zod";
import { defineSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";

/**
 * Effect evaluation (整改成效评估) of a target's rectification, as pure rules: the committee's
 * weighted criteria (weights sum to 100), each scored 0–100; the total is the weighted mean, and
 * the grade the first whose threshold the total reaches (好 ≥ 90, 较好 ≥ 75, 一般 ≥ 60, else 差).
 */

export const RECTIFICATION_GRADES = ["好", "较好", "一般", "差"] as const;
export type RectificationGrade = (typeof RECTIFICATION_GRADES)[number];

const key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,39}$/, "编码只能包含字母、数字、点、下划线和连字符");
const threshold = z.number().min(0, "分数线须在 0 到 100 之间").max(100, "分数线须在 0 到 100 之间");

export const evaluationSettingSchema = z
  .strictObject({
    criteria: z
      .array(
        z.strictObject({
          key,
          label: z.string().trim().min(1, "请填写评估项目").max(50),
          weight: z.number().int("权重须为整数").min(1, "权重须大于 0").max(100),
        }),
      )
      .min(1, "至少设置一个评估项目")
      .max(20),
    /** The lowest total for 好, 较好 and 一般; below 一般 is 差. */
    thresholds: z.strictObject({ 好: threshold, 较好: threshold, 一般: threshold }),
  })
  .superRefine((v, ctx) => {
    const sum = v.criteria.reduce((s, c) => s + c.weight, 0);
    if (sum !== 100)
      ctx.addIssue({ code: "custom", message: `权重之和须为 100（当前为 ${sum}）`, path: ["criteria"] });
    const keys = v.criteria.map((c) => c.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: "custom", message: "编码不能重复", path: ["criteria"] });
    const t = v.thresholds;
    if (!(t.好 > t.较好 && t.较好 > t.一般))
      ctx.addIssue({ code: "custom", message: "等次分数线须满足：好 > 较好 > 一般", path: ["thresholds"] });
  });
export type EvaluationSetting = z.infer<typeof evaluationSettingSchema>;

export const DEFAULT_EVALUATION_SETTING: EvaluationSetting = {
  criteria: [
    { key: "responsibility", label: "整改责任落实", weight: 20 },
    { key: "measures", label: "整改措施", weight: 20 },
    { key: "results", label: "整改成效", weight: 30 },
    { key: "rules", label: "建章立制", weight: 15 },
    { key: "satisfaction", label: "群众满意度", weight: 15 },
  ],
  thresholds: { 好: 90, 较好: 75, 一般: 60 },
};

export const evaluationSetting = defineSetting({
  key: "rectification.evaluation",
  label: "整改成效评估标准",
  schema: evaluationSettingSchema,
  defaults: (): EvaluationSetting => structuredClone(DEFAULT_EVALUATION_SETTING),
});

export interface ScoredCriterion {
  key: string;
  label: string;
  weight: number;
  score: number;
}

/** The grade of a total (0–100); compared in hundredths so floating point never misses a line. */
export function rectificationGrade(
  total: number,
  thresholds: EvaluationSetting["thresholds"],
): RectificationGrade {
  const reach = (min: number) => Math.round(total * 100) >= Math.round(min * 100);
  if (reach(thresholds.好)) return "好";
  if (reach(thresholds.较好)) return "较好";
  if (reach(thresholds.一般)) return "一般";
  return "差";
}

/**
 * Scores one target on the criteria: every criterion needs a score from 0 to 100 (at most two
 * decimals) and nothing else is accepted; the total is Σ score × weight / 100, rounded to 0.01.
 */
export function scoreEvaluation(setting: EvaluationSetting, scores: Readonly<Record<string, number>>) {
  const keys = new Set(setting.criteria.map((c) => c.key));
  const invalid = (s: unknown) =>
    typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > 100 || Math.round(s * 100) !== s * 100;
  if (
    Object.keys(scores).some((k) => !keys.has(k)) ||
    setting.criteria.some((c) => !Object.hasOwn(scores, c.key) || invalid(scores[c.key]))
  ) {
    throw new AppError("rectification_evaluation.scores_invalid");
  }
  const items: ScoredCriterion[] = setting.criteria.map((c) => ({ ...c, score: scores[c.key]! }));
  const hundredths = items.reduce((sum, c) => sum + Math.round(c.score * 100) * c.weight, 0);
  const total = Math.round(hundredths / 100) / 100;
  return { items, total, grade: rectificationGrade(total, setting.thresholds) };
}
