import {
  CLUE_DISPOSITIONS,
  type ClueDisposition,
  COMPLETIONS,
  type Completion,
  FINDING_STATUSES,
  type FindingStatus,
} from "@xuncha/domain/model";
import { daysUntil } from "./format";

/**
 * One meaning per colour everywhere (UX.md): done green, in progress blue, due soon amber (gold),
 * overdue red; neutral grey for "nothing yet", orange for sent back.
 */
export type Tone = "done" | "progress" | "dueSoon" | "overdue" | "neutral" | "returned" | "waiting";

export const TONE_COLORS: Record<Tone, string> = {
  done: "green",
  progress: "blue",
  dueSoon: "gold",
  overdue: "red",
  neutral: "default",
  returned: "volcano",
  waiting: "cyan",
};

export interface StatusTag {
  tone: Tone;
  label: string;
}

/** Days before a deadline from which an open item counts as due soon. */
export const DUE_SOON_DAYS = 7;

export type LedgerState = "noPlan" | "inProgress" | "overdue" | "reported" | "closed";

export const LEDGER_STATE_LABELS: Record<LedgerState, string> = {
  noPlan: "未制定措施",
  inProgress: "整改中",
  overdue: "已逾期",
  reported: "已报完成待销号",
  closed: "已销号",
};

interface MeasureLike {
  deadline: string;
  longTerm?: boolean;
  progress?: { completion: string }[];
}

/** The latest reported completion of a measure, or null when nothing was reported. */
export function latestCompletion(measure: MeasureLike): Completion | null {
  const last = measure.progress?.at(-1);
  return last && last.completion in COMPLETIONS.labels ? (last.completion as Completion) : null;
}

/**
 * The tag of a ledger item. The server decides the state; an item in progress whose nearest open
 * deadline is within DUE_SOON_DAYS shows as due soon.
 */
export function ledgerStateTag(state: LedgerState, measures: MeasureLike[], today: string): StatusTag {
  switch (state) {
    case "closed":
      return { tone: "done", label: LEDGER_STATE_LABELS.closed };
    case "reported":
      return { tone: "waiting", label: LEDGER_STATE_LABELS.reported };
    case "overdue":
      return { tone: "overdue", label: LEDGER_STATE_LABELS.overdue };
    case "noPlan":
      return { tone: "neutral", label: LEDGER_STATE_LABELS.noPlan };
    case "inProgress": {
      const open = measures.filter((m) => !m.longTerm && latestCompletion(m) !== "done");
      const soonest = Math.min(...open.map((m) => daysUntil(m.deadline, today)));
      if (Number.isFinite(soonest) && soonest <= DUE_SOON_DAYS && soonest >= 0) {
        return { tone: "dueSoon", label: soonest === 0 ? "今日到期" : `${soonest} 天后到期` };
      }
      return { tone: "progress", label: LEDGER_STATE_LABELS.inProgress };
    }
  }
}

/** The tag of one measure: by its latest progress and its deadline. */
export function measureTag(measure: MeasureLike, today: string): StatusTag {
  const completion = latestCompletion(measure);
  if (completion === "done") return { tone: "done", label: COMPLETIONS.labels.done };
  if (measure.longTerm) return { tone: "progress", label: "长期坚持" };
  const days = daysUntil(measure.deadline, today);
  if (days < 0) return { tone: "overdue", label: `逾期 ${-days} 天` };
  if (days <= DUE_SOON_DAYS) return { tone: "dueSoon", label: days === 0 ? "今日到期" : `${days} 天后到期` };
  return { tone: "progress", label: completion ? COMPLETIONS.labels[completion] : "整改中" };
}

export function findingStatusTag(status: string): StatusTag {
  const label = FINDING_STATUSES.labels[status as FindingStatus] ?? status;
  if (status === "approved") return { tone: "done", label };
  if (status === "returned") return { tone: "returned", label };
  return { tone: "progress", label };
}

export function clueTag(clue: { disposition: string | null; concludedOn: string | null }): StatusTag {
  if (clue.concludedOn) return { tone: "done", label: "已办结" };
  if (!clue.disposition) return { tone: "neutral", label: "待处置" };
  return {
    tone: "progress",
    label: CLUE_DISPOSITIONS.labels[clue.disposition as ClueDisposition] ?? clue.disposition,
  };
}

export function roundStatusTag(status: string): StatusTag {
  return status === "closed" ? { tone: "done", label: "已结束" } : { tone: "progress", label: "进行中" };
}
