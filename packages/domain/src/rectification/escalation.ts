import { z } from "zod";
import type { Deadlines } from "../committee-settings/deadlines";
import { defineSetting } from "../committee-settings/setting";
import { ESCALATION_DAY_BOUNDS, ESCALATION_STEPS, type EscalationStep } from "../model/rectification";
import { addDays, addPeriod } from "../work-items/due-date";

/**
 * The escalation ladder (督办) for late rectification, as pure date rules. A sweep asks, for each
 * item with a deadline (a plan, a final report, a measure), which step is due today, takes it
 * (a numbered letter, a notification), and records it with its date; asking again finds nothing.
 *
 * Rules
 * - Steps in order: reminder (提醒) → urging letter (督办函) → interview summons (约谈) → circulated
 *   criticism (通报) → accountability recommendation (问责建议). Each item climbs its own ladder;
 *   each step is taken at most once per item.
 * - The reminder is due from `daysBeforeDeadline` days before the deadline up to the deadline day
 *   itself. It is a courtesy before the deadline: once the deadline has passed without one, it is
 *   not sent late, and the urging letter does not wait for it.
 * - The urging letter is due once the item is `daysAfterDeadline` days past its deadline (1: the
 *   first day after the deadline day; the deadline day itself is still in time).
 * - Each later step is due `daysAfterPrevious` days after the step before it was actually taken
 *   (not after the deadline), and only while the item is still past due. So the ladder never
 *   skips a step: a step is never due before the one before it was taken, and a sweep that has not
 *   run for weeks takes one step, not several. Delays are at least one day, so at most one step
 *   is due per item and day. A step the committee switched off is passed over (the next one
 *   counts from the last step taken); the urging letter cannot be switched off.
 * - Steps taken out of order (recorded by hand) are respected: the ladder continues above the
 *   highest step taken and never goes back to a lower one.
 * - Nothing is due once the item is done.
 * - Dates are calendar days (YYYY-MM-DD) in China time; `chinaDate` turns an instant into one
 *   without the machine's time zone.
 *
 * The plan and final report deadlines come from the committee's `deadlines` setting
 * (rectificationPlanAfterFeedback, finalReportAfterFeedback: 1 and 2 months by default), see
 * `rectificationDueDates`; a measure's deadline is its own.
 */

const days = ({ min, max }: { min: number; max: number }) =>
  z.number().int("天数须为整数").min(min, `天数不能少于 ${min}`).max(max, `天数不能超过 ${max}`);
const laterStep = z.strictObject({
  enabled: z.boolean(),
  daysAfterPrevious: days(ESCALATION_DAY_BOUNDS.daysAfterPrevious),
});

export const escalationLadderSchema = z.strictObject({
  reminder: z.strictObject({
    enabled: z.boolean(),
    daysBeforeDeadline: days(ESCALATION_DAY_BOUNDS.daysBeforeDeadline),
  }),
  urgingLetter: z.strictObject({ daysAfterDeadline: days(ESCALATION_DAY_BOUNDS.daysAfterDeadline) }),
  summons: laterStep,
  circulation: laterStep,
  accountability: laterStep,
});
export type EscalationLadder = z.infer<typeof escalationLadderSchema>;

export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  reminder: { enabled: true, daysBeforeDeadline: 7 },
  urgingLetter: { daysAfterDeadline: 1 },
  summons: { enabled: true, daysAfterPrevious: 15 },
  circulation: { enabled: true, daysAfterPrevious: 15 },
  accountability: { enabled: true, daysAfterPrevious: 30 },
};

export const escalationSetting = defineSetting({
  key: "rectification.escalation",
  label: "整改督办（提醒、督办函、约谈、通报、问责建议）",
  schema: escalationLadderSchema,
  defaults: () => structuredClone(DEFAULT_ESCALATION_LADDER),
});

/** When the plan and the final report are due after feedback given on `feedbackOn`. */
export function rectificationDueDates(feedbackOn: string, deadlines: Deadlines) {
  return {
    planDueOn: addPeriod(feedbackOn, deadlines.rectificationPlanAfterFeedback),
    finalReportDueOn: addPeriod(feedbackOn, deadlines.finalReportAfterFeedback),
  };
}

export interface TakenStep {
  step: EscalationStep;
  /** YYYY-MM-DD (China) */
  on: string;
}

export interface EscalationItem {
  /** YYYY-MM-DD (China): the last day in time. */
  deadline: string;
  done: boolean;
  taken: readonly TakenStep[];
}

export interface DueStep {
  step: EscalationStep;
  /** The first day the step is due. */
  dueOn: string;
}

const rank = (s: EscalationStep) => ESCALATION_STEPS.indexOf(s);
const later = (a: string, b: string) => (a > b ? a : b);

/** The highest step taken (the latest record of it when repeated). */
function topStep(taken: readonly TakenStep[]): TakenStep | undefined {
  let top: TakenStep | undefined;
  for (const t of taken) {
    if (!top || rank(t.step) > rank(top.step) || (t.step === top.step && t.on > top.on)) top = t;
  }
  return top;
}

/**
 * The next step on the item's ladder and the day it becomes due (possibly after today), or null
 * when the item is done or the ladder is finished.
 */
export function nextEscalationStep(
  item: EscalationItem,
  ladder: EscalationLadder,
  today: string,
): DueStep | null {
  if (item.done) return null;
  const top = topStep(item.taken);
  const overdueFrom = addDays(item.deadline, ladder.urgingLetter.daysAfterDeadline);
  if (!top || top.step === "reminder") {
    if (!top && ladder.reminder.enabled && today <= item.deadline) {
      return { step: "reminder", dueOn: addDays(item.deadline, -ladder.reminder.daysBeforeDeadline) };
    }
    return { step: "urgingLetter", dueOn: overdueFrom };
  }
  for (const step of ESCALATION_STEPS.slice(rank(top.step) + 1)) {
    if (step === "reminder" || step === "urgingLetter") continue;
    const rule = ladder[step];
    if (rule.enabled) return { step, dueOn: later(addDays(top.on, rule.daysAfterPrevious), overdueFrom) };
  }
  return null;
}

/**
 * The steps due today for one item: at most one (see the rules above). Once it is recorded as taken,
 * the same call returns nothing; it returns nothing for a done item.
 */
export function dueEscalationSteps(item: EscalationItem, ladder: EscalationLadder, today: string): DueStep[] {
  const next = nextEscalationStep(item, ladder, today);
  return next && next.dueOn <= today ? [next] : [];
}

export type RungStatus = "taken" | "due" | "upcoming" | "skipped";

export interface Rung {
  step: EscalationStep;
  status: RungStatus;
  /** Taken: the day it was taken; due/upcoming: the day it is (expected to become) due; skipped: null. */
  on: string | null;
}

/**
 * The whole ladder of one item for display: the steps taken, the step due now, the later ones
 * with the day each would become due if every step were taken on its first due day, and the
 * steps that will not be taken (switched off, a reminder whose window passed, below a step taken,
 * or not needed because the item is done).
 */
export function escalationLadder(item: EscalationItem, ladder: EscalationLadder, today: string): Rung[] {
  const taken = new Map<EscalationStep, string>();
  for (const t of item.taken) if (!taken.has(t.step) || t.on > taken.get(t.step)!) taken.set(t.step, t.on);
  const planned = new Map<EscalationStep, { status: RungStatus; on: string }>();
  const simulated: TakenStep[] = [...item.taken];
  let day = today;
  for (;;) {
    const next = nextEscalationStep({ ...item, taken: simulated }, ladder, day);
    if (!next) break;
    const on = later(next.dueOn, day);
    planned.set(next.step, { status: next.dueOn <= today ? "due" : "upcoming", on });
    simulated.push({ step: next.step, on });
    day = on;
  }
  return ESCALATION_STEPS.map((step) => {
    const on = taken.get(step);
    if (on) return { step, status: "taken", on };
    const p = planned.get(step);
    return p ? { step, ...p } : { step, status: "skipped", on: null };
  });
}
