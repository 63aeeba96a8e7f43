import type { Deadlines, Period } from "../committee-settings/deadlines";
import type { DueAnchor, DueRule } from "./checklist";

/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */
const parse = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d };
};
const format = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(iso: string, days: number): string {
  const { y, m, d } = parse(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Adds calendar months; a day the target month lacks becomes its last day
 * (1 month after 01-31 is 02-28, or 02-29 in a leap year; 1 month before 03-31 is 02-28).
 */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = parse(iso);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function addPeriod(iso: string, period: Period, sign: 1 | -1 = 1): string {
  return period.unit === "months" ? addMonths(iso, sign * period.amount) : addDays(iso, sign * period.amount);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000);
}

/** The midpoint of the round's fieldwork (rounded down). */
export const roundMiddle = (startsOn: string, endsOn: string) =>
  addDays(startsOn, Math.floor(daysBetween(startsOn, endsOn) / 2));

export type AnchorDates = Partial<Record<DueAnchor, string | null>>;

/**
 * The due date of a rule: the anchor date, moved by the deadline setting then by the fixed offset,
 * both before or both after. Null when the rule is null or its anchor has not happened yet
 * (no feedback given, no clue transferred).
 */
export function computeDueDate(
  rule: DueRule | null,
  anchors: AnchorDates,
  deadlines: Deadlines,
): string | null {
  if (!rule) return null;
  const anchor = anchors[rule.anchor];
  if (!anchor) return null;
  const sign = rule.before ? -1 : 1;
  let due = anchor;
  if (rule.deadline) due = addPeriod(due, deadlines[rule.deadline], sign);
  if (rule.offset) due = addPeriod(due, rule.offset, sign);
  return due;
}

/** Days past due on `today`, or null when not overdue (done, no due date, or not yet due). */
export function overdueDays(dueOn: string | null, doneOn: string | null, today: string): number | null {
  if (!dueOn || doneOn) return null;
  const days = daysBetween(dueOn, today);
  return days > 0 ? days : null;
}

// The one "today" of the server and the browser lives in the shared model.
export { chinaDate } from "../model/dates";
