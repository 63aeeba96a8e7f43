import type { Completion } from "../model/enums";

/** Where a fed-back problem stands in its rectification. */
export type RectificationState = "noPlan" | "inProgress" | "overdue" | "reported" | "closed";

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  noPlan: "未制定措施",
  inProgress: "整改中",
  overdue: "已逾期",
  reported: "已报完成待销号",
  closed: "已销号",
};

export interface MeasureProgress {
  /** YYYY-MM-DD */
  deadline: string;
  /** Completion of the latest progress update; undefined when none was reported. */
  latest: Completion | undefined;
}

/**
 * A problem is closed once closed out; without measures it has no plan; when every measure's latest
 * update says done it is reported and awaits close-out; a measure past its deadline and not done makes
 * it overdue; otherwise it is in progress.
 */
export function rectificationState(
  closed: boolean,
  measures: MeasureProgress[],
  today: string,
): RectificationState {
  if (closed) return "closed";
  if (measures.length === 0) return "noPlan";
  if (measures.every((m) => m.latest === "done")) return "reported";
  if (measures.some((m) => m.latest !== "done" && m.deadline < today)) return "overdue";
  return "inProgress";
}
