import { z } from "zod";
import { defineSetting } from "../committee-settings/setting";

/** Facts the system can count for a group, shown next to the criterion they inform. */
export const EVALUATION_FACTS = {
  findings: "已审批问题数",
  severeFindings: "较重及严重问题数",
  clues: "移交问题线索数",
  workItemsDone: "按期完成工作事项",
  none: "无",
} as const;
export type EvaluationFact = keyof typeof EVALUATION_FACTS;

export const EVALUATION_GRADES = ["优秀", "良好", "一般", "较差"] as const;
export type Grade = (typeof EVALUATION_GRADES)[number];

const code = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,39}$/, "编码只能包含字母、数字、点、下划线和连字符");

export const groupEvaluationCriteriaSchema = z
  .strictObject({
    criteria: z
      .array(
        z.strictObject({
          code,
          title: z.string().trim().min(1, "请填写评价项目").max(50),
          max: z.number().positive("满分须大于 0").max(1000),
          hint: z.string().trim().max(200),
          fact: z.enum(Object.keys(EVALUATION_FACTS) as [EvaluationFact, ...EvaluationFact[]]),
        }),
      )
      .min(1, "至少设置一个评价项目")
      .max(20),
    /** Lowest share of the full score (percent) for 优秀, 良好 and 一般; below 一般 is 较差. */
    thresholds: z.strictObject({
      优秀: z.number().min(0).max(100),
      良好: z.number().min(0).max(100),
      一般: z.number().min(0).max(100),
    }),
    /** The conduct questionnaire (作风评价) answered by the inspected, each on a 1–5 scale. */
    conductQuestions: z
      .array(z.strictObject({ code, title: z.string().trim().min(1).max(100) }))
      .min(5, "作风评价问题应为 5 至 8 个")
      .max(8, "作风评价问题应为 5 至 8 个"),
  })
  .superRefine((v, ctx) => {
    const { 优秀, 良好, 一般 } = v.thresholds;
    if (!(优秀 > 良好 && 良好 > 一般))
      ctx.addIssue({ code: "custom", message: "等次分数线须满足：优秀 > 良好 > 一般", path: ["thresholds"] });
    for (const [name, list] of [
      ["criteria", v.criteria],
      ["conductQuestions", v.conductQuestions],
    ] as const) {
      const codes = list.map((c) => c.code);
      if (new Set(codes).size !== codes.length)
        ctx.addIssue({ code: "custom", message: "编码不能重复", path: [name] });
    }
  });
export type GroupEvaluationCriteria = z.infer<typeof groupEvaluationCriteriaSchema>;

export const DEFAULT_GROUP_EVALUATION_CRITERIA: GroupEvaluationCriteria = {
  criteria: [
    { code: "findings", title: "发现问题", max: 30, hint: "发现问题的数量、质量和精准度", fact: "findings" },
    { code: "clues", title: "问题线索", max: 20, hint: "移交问题线索的数量和质量", fact: "clues" },
    {
      code: "specialReports",
      title: "专题报告",
      max: 10,
      hint: "形成专题报告、反映系统性问题",
      fact: "none",
    },
    {
      code: "immediateFix",
      title: "立行立改",
      max: 10,
      hint: "督促立行立改、推动解决群众急难愁盼问题",
      fact: "none",
    },
    { code: "information", title: "信息报送", max: 10, hint: "按时报送巡察工作信息、简报", fact: "none" },
    {
      code: "basicWork",
      title: "基础工作",
      max: 20,
      hint: "按期完成工作事项、底稿规范、资料归档",
      fact: "workItemsDone",
    },
  ],
  thresholds: { 优秀: 90, 良好: 80, 一般: 60 },
  conductQuestions: [
    { code: "discipline", title: "遵守纪律规矩（政治纪律、组织纪律、工作纪律）" },
    { code: "integrity", title: "廉洁自律（不接受宴请、礼品，不违规使用公车等）" },
    { code: "style", title: "工作作风（深入细致、实事求是、不搞形式主义）" },
    { code: "secrecy", title: "严守保密纪律" },
    { code: "respect", title: "尊重被巡察单位正常工作，不干预日常业务" },
    { code: "manner", title: "文明礼貌、平等待人" },
  ],
};

export const groupEvaluationCriteriaSetting = defineSetting({
  key: "groupEvaluationCriteria",
  label: "一巡一评评价标准",
  schema: groupEvaluationCriteriaSchema,
  defaults: () => structuredClone(DEFAULT_GROUP_EVALUATION_CRITERIA),
});

/** The grade of a total out of `maxTotal`: the first grade whose threshold (percent) the share reaches. */
export function gradeOf(
  total: number,
  maxTotal: number,
  thresholds: GroupEvaluationCriteria["thresholds"],
): Grade {
  const percent = maxTotal > 0 ? (total / maxTotal) * 100 : 0;
  // Compare in hundredths so that 89.999… from floating point never misses 90.
  const reach = (min: number) => Math.round(percent * 100) >= Math.round(min * 100);
  if (reach(thresholds.优秀)) return "优秀";
  if (reach(thresholds.良好)) return "良好";
  if (reach(thresholds.一般)) return "一般";
  return "较差";
}
