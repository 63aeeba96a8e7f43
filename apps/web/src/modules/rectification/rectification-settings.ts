import {
  ESCALATION_DAY_BOUNDS,
  ESCALATION_STEP_LABELS,
  type EscalationStep,
  LATER_ESCALATION_STEPS,
  type LaterEscalationStep,
  MIN_REVIEW_PARTIES,
  REQUIRED_REVIEW_PARTY,
  REVIEW_PARTIES,
  REVIEW_PARTY_LABELS,
  type ReviewParty,
} from "@xuncha/domain/model";

/** GET/PUT /api/committee-settings/rectification.jointReview: who reviews plans and reports. */
export interface JointReviewSettings {
  parties: ReviewParty[];
}

/** GET/PUT /api/committee-settings/rectification.escalation: the escalation ladder (督办). */
export interface EscalationLadder {
  reminder: { enabled: boolean; daysBeforeDeadline: number };
  urgingLetter: { daysAfterDeadline: number };
  summons: { enabled: boolean; daysAfterPrevious: number };
  circulation: { enabled: boolean; daysAfterPrevious: number };
  accountability: { enabled: boolean; daysAfterPrevious: number };
}

/** The form's values: a number input left empty gives null. */
export interface EscalationDraft {
  reminder: { enabled: boolean; daysBeforeDeadline: number | null };
  urgingLetter: { daysAfterDeadline: number | null };
  summons: { enabled: boolean; daysAfterPrevious: number | null };
  circulation: { enabled: boolean; daysAfterPrevious: number | null };
  accountability: { enabled: boolean; daysAfterPrevious: number | null };
}

/** The parties in display order, whatever order they were picked in. */
export const orderParties = (parties: readonly ReviewParty[]): ReviewParty[] =>
  REVIEW_PARTIES.filter((p) => parties.includes(p));

/**
 * What keeps the parties from being saved, exactly as the server's schema judges them
 * (rectification/joint-review.ts): known parties, no repeats, at least two, the office among them.
 */
export function jointReviewErrors(parties: readonly string[]): string | undefined {
  if (parties.some((p) => !(REVIEW_PARTIES as readonly string[]).includes(p))) return "审核方无效";
  if (new Set(parties).size !== parties.length) return "审核方不能重复";
  if (parties.length < MIN_REVIEW_PARTIES) return `至少须选择 ${MIN_REVIEW_PARTIES} 个审核方`;
  if (!parties.includes(REQUIRED_REVIEW_PARTY))
    return `${REVIEW_PARTY_LABELS[REQUIRED_REVIEW_PARTY]}须参加联审`;
  return undefined;
}

/** The delay of each step: which field it is and its bounds. */
export const STEP_DAYS = {
  reminder: { field: "daysBeforeDeadline", ...ESCALATION_DAY_BOUNDS.daysBeforeDeadline },
  urgingLetter: { field: "daysAfterDeadline", ...ESCALATION_DAY_BOUNDS.daysAfterDeadline },
  summons: { field: "daysAfterPrevious", ...ESCALATION_DAY_BOUNDS.daysAfterPrevious },
  circulation: { field: "daysAfterPrevious", ...ESCALATION_DAY_BOUNDS.daysAfterPrevious },
  accountability: { field: "daysAfterPrevious", ...ESCALATION_DAY_BOUNDS.daysAfterPrevious },
} as const satisfies Record<EscalationStep, { field: string; min: number; max: number }>;

/** The delay of a step in the draft (or a saved ladder). */
export function stepDays(ladder: EscalationDraft, step: EscalationStep): number | null {
  const rule = ladder[step] as Record<string, number | boolean | null>;
  return rule[STEP_DAYS[step].field] as number | null;
}

/**
 * What keeps the ladder from being saved, step by step, exactly as the server's schema judges it
 * (rectification/escalation.ts): every delay a whole number of days within its bounds, also for a
 * step switched off.
 */
export function escalationErrors(draft: EscalationDraft): Partial<Record<EscalationStep, string>> {
  const errors: Partial<Record<EscalationStep, string>> = {};
  for (const step of Object.keys(STEP_DAYS) as EscalationStep[]) {
    const { min, max } = STEP_DAYS[step];
    const n = stepDays(draft, step);
    const label = ESCALATION_STEP_LABELS[step];
    if (n === null || !Number.isFinite(n)) errors[step] = `请填写${label}的天数（${min} 至 ${max} 天）`;
    else if (!Number.isInteger(n)) errors[step] = `${label}的天数须为整数`;
    else if (n < min || n > max) errors[step] = `${label}的天数须在 ${min} 至 ${max} 天之间`;
  }
  return errors;
}

/** How each step reads in the preview (提出问责建议, 发督办函). */
export const STEP_VERBS: Record<EscalationStep, string> = {
  reminder: ESCALATION_STEP_LABELS.reminder,
  urgingLetter: `发${ESCALATION_STEP_LABELS.urgingLetter}`,
  summons: ESCALATION_STEP_LABELS.summons,
  circulation: ESCALATION_STEP_LABELS.circulation,
  accountability: `提出${ESCALATION_STEP_LABELS.accountability}`,
};

/**
 * The ladder in one sentence, e.g. 期限前 7 天提醒；逾期次日发督办函；再过 15 天约谈；再过 15 天通报；
 * 再过 30 天提出问责建议。 Steps switched off are left out; each later step counts from the step
 * before it that is switched on.
 */
export function escalationPreview(ladder: EscalationLadder): string {
  const parts: string[] = [];
  const { reminder, urgingLetter } = ladder;
  if (reminder.enabled) {
    const n = reminder.daysBeforeDeadline;
    parts.push(`${n === 0 ? "期限当天" : `期限前 ${n} 天`}${STEP_VERBS.reminder}`);
  }
  const after = urgingLetter.daysAfterDeadline;
  parts.push(`${after === 1 ? "逾期次日" : `逾期第 ${after} 天`}${STEP_VERBS.urgingLetter}`);
  const later = LATER_ESCALATION_STEPS.filter((s: LaterEscalationStep) => ladder[s].enabled);
  for (const step of later) parts.push(`再过 ${ladder[step].daysAfterPrevious} 天${STEP_VERBS[step]}`);
  const end = later.length === 0 ? "；此后不再升级" : "";
  return `${parts.join("；")}${end}。`;
}

/** Whether two values are the same setting (the parties in any order). */
export const sameParties = (a: readonly ReviewParty[], b: readonly ReviewParty[]) =>
  orderParties(a).join() === orderParties(b).join() && a.length === b.length;
export const sameLadder = (a: EscalationDraft, b: EscalationDraft) =>
  (Object.keys(STEP_DAYS) as EscalationStep[]).every(
    (s) =>
      stepDays(a, s) === stepDays(b, s) &&
      (a[s] as { enabled?: boolean }).enabled === (b[s] as { enabled?: boolean }).enabled,
  );
