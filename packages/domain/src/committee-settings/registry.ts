import { groupEvaluationCriteriaSetting } from "../evaluations/criteria";
import { evaluationSetting } from "../rectification/effect-evaluation-rules";
import { escalationSetting } from "../rectification/escalation";
import { jointReviewSetting } from "../rectification/joint-review";
import { revisitSetting } from "../rectification/revisits-rules";
import { rotationSettingDef } from "../recusal/load-recusal-facts";
import { tipSettingDef } from "../tips/tip-settings";
import { workItemChecklistSetting } from "../work-items/checklist";
import { deadlinesSetting } from "./deadlines";
import type { SettingDef } from "./setting";

/**
 * Every committee setting the office may read and edit, by key. To add one: define it with
 * defineSetting (key, label, zod schema, defaults) next to the code that uses it, and add one
 * entry here.
 */
export const COMMITTEE_SETTINGS = {
  deadlines: deadlinesSetting,
  workItemChecklist: workItemChecklistSetting,
  groupEvaluationCriteria: groupEvaluationCriteriaSetting,
  "recusal.rotation": rotationSettingDef,
  tips: tipSettingDef,
  "rectification.jointReview": jointReviewSetting,
  "rectification.escalation": escalationSetting,
  "rectification.revisits": revisitSetting,
  "rectification.evaluation": evaluationSetting,
} satisfies Record<string, SettingDef>;

export type CommitteeSettingKey = keyof typeof COMMITTEE_SETTINGS;
export const COMMITTEE_SETTING_KEYS = Object.keys(COMMITTEE_SETTINGS) as [
  CommitteeSettingKey,
  ...CommitteeSettingKey[],
];

export const settingDef = (key: string): SettingDef | undefined =>
  Object.hasOwn(COMMITTEE_SETTINGS, key) ? COMMITTEE_SETTINGS[key as CommitteeSettingKey] : undefined;
