import { z } from "zod";
import { defineSetting } from "./setting";

/** A period: so many days or calendar months. */
export const periodSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(["days", "months"]),
});
export type Period = z.infer<typeof periodSchema>;

/** The committee's deadlines (LIFECYCLE.md defaults); work items' due dates are computed from them. */
export const DEADLINE_KEYS = {
  noticeBeforeEntry: "巡察通知须在进驻前送达",
  reportAfterFieldwork: "巡察了解结束后报告巡察情况",
  rectificationPlanAfterFeedback: "反馈后报送整改方案",
  finalReportAfterFeedback: "反馈后报送整改情况报告",
  clueResultsAfterTransfer: "线索移交后反馈处置结果",
} as const;
export type DeadlineKey = keyof typeof DEADLINE_KEYS;
export const DEADLINE_KEY_LIST = Object.keys(DEADLINE_KEYS) as [DeadlineKey, ...DeadlineKey[]];

export const deadlinesSchema = z.strictObject({
  noticeBeforeEntry: periodSchema,
  reportAfterFieldwork: periodSchema,
  rectificationPlanAfterFeedback: periodSchema,
  finalReportAfterFeedback: periodSchema,
  clueResultsAfterTransfer: periodSchema,
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

export const DEFAULT_DEADLINES: Deadlines = {
  noticeBeforeEntry: { amount: 10, unit: "days" },
  reportAfterFieldwork: { amount: 1, unit: "months" },
  rectificationPlanAfterFeedback: { amount: 1, unit: "months" },
  finalReportAfterFeedback: { amount: 2, unit: "months" },
  clueResultsAfterTransfer: { amount: 3, unit: "months" },
};

export const deadlinesSetting = defineSetting({
  key: "deadlines",
  label: "工作时限",
  schema: deadlinesSchema,
  defaults: () => structuredClone(DEFAULT_DEADLINES),
});
