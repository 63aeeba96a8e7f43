import { z } from "zod";
import { defineSetting } from "../committee-settings/setting";
import { addDays, daysBetween } from "../work-items/due-date";

/**
 * Revisits (回访督查) after the concentrated rectification period, as pure rules: how many the office
 * plans per target and round (at least three by default), how far apart, and whether a planned one
 * is due soon or overdue. Dates are China calendar days (YYYY-MM-DD).
 */

export const REVISIT_METHODS = ["onSite", "documents"] as const;
export type RevisitMethod = (typeof REVISIT_METHODS)[number];
export const REVISIT_METHOD_LABELS: Record<RevisitMethod, string> = {
  onSite: "实地督查",
  documents: "书面督查",
};

/** The parties that revisit with the office (纪委监委, 组织部). */
export const REVISIT_PARTIES = ["disciplineCommission", "organizationDept"] as const;
export type RevisitParty = (typeof REVISIT_PARTIES)[number];

export const revisitSettingSchema = z.strictObject({
  /** How many revisits the office plans per target and round, at least. */
  minimum: z.number().int("次数须为整数").min(1, "至少回访 1 次").max(12, "回访次数不能超过 12 次"),
  /** Days between two planned revisits (and from the start to the first). */
  spacingDays: z.number().int("间隔天数须为整数").min(7, "间隔不能少于 7 天").max(365, "间隔不能超过 365 天"),
  /** A planned revisit is listed as due this many days before its date. */
  dueWithinDays: z.number().int("天数须为整数").min(0).max(90, "提前天数不能超过 90 天"),
});
export type RevisitSetting = z.infer<typeof revisitSettingSchema>;

export const DEFAULT_REVISIT_SETTING: RevisitSetting = { minimum: 3, spacingDays: 90, dueWithinDays: 14 };

export const revisitSetting = defineSetting({
  key: "rectification.revisits",
  label: "回访督查（次数和间隔）",
  schema: revisitSettingSchema,
  defaults: (): RevisitSetting => ({ ...DEFAULT_REVISIT_SETTING }),
});

export interface PlannedRevisit {
  sequence: number;
  plannedOn: string;
}

/**
 * The revisits to add so that a target has at least `minimum` in the round: numbered after the
 * existing ones, each `spacingDays` after the one before (the first after `from`, or after the
 * latest existing one). Nothing when there are enough already.
 */
export function planRevisitDates(
  existing: readonly PlannedRevisit[],
  setting: Pick<RevisitSetting, "minimum" | "spacingDays">,
  from: string,
): PlannedRevisit[] {
  const planned: PlannedRevisit[] = [];
  let sequence = existing.reduce((max, r) => Math.max(max, r.sequence), 0);
  // ISO dates compare as strings: the latest of `from` and the existing dates.
  let last = [from, ...existing.map((r) => r.plannedOn)].sort().at(-1)!;
  for (let n = existing.length; n < setting.minimum; n++) {
    sequence += 1;
    last = addDays(last, setting.spacingDays);
    planned.push({ sequence, plannedOn: last });
  }
  return planned;
}

export type RevisitState = "planned" | "due" | "overdue" | "done";
export const REVISIT_STATE_LABELS: Record<RevisitState, string> = {
  planned: "已计划",
  due: "即将到期",
  overdue: "已逾期",
  done: "已完成",
};

/** Where a revisit stands today: done, overdue (its day has passed), due (within the notice), planned. */
export function revisitState(
  revisit: { status: string; plannedOn: string },
  today: string,
  dueWithinDays: number,
): RevisitState {
  if (revisit.status === "done") return "done";
  if (revisit.plannedOn < today) return "overdue";
  return daysBetween(today, revisit.plannedOn) <= dueWithinDays ? "due" : "planned";
}
