import type { EscalationStep } from "@xuncha/domain/model";
import { download } from "../../app/api-client";
import { notifyError } from "../../app/notify";

/** One row of GET /api/rectification/escalations: a letter (or a day's reminders) to one target. */
export interface Escalation {
  id: string;
  target: { id: string; name: string };
  step: EscalationStep;
  stepLabel: string;
  takenOn: string;
  document: { id: string; number: string; title: string } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  items: {
    kind: "plan" | "finalReport" | "measure";
    id: string;
    deadline: string;
    label: string;
    roundId: string | null;
  }[];
  abilities: { acknowledge: boolean; download: boolean };
}

export interface EscalationList {
  items: Escalation[];
  truncated: boolean;
}

/** What POST /api/rectification/sweep returns. */
export interface SweepSummary {
  today: string;
  items: number;
  steps: number;
  byStep: Record<EscalationStep, number>;
  batches: {
    targetId: string;
    targetName: string;
    step: EscalationStep;
    items: number;
    document: { id: string; number: string; title: string } | null;
  }[];
}

/** The colour of each step's tag: warmer as the ladder climbs. */
export const STEP_COLORS: Record<EscalationStep, string> = {
  reminder: "blue",
  urgingLetter: "gold",
  summons: "orange",
  circulation: "volcano",
  accountability: "red",
};

export const downloadLetter = (e: Pick<Escalation, "id" | "document" | "stepLabel">) =>
  download(
    `/rectification/escalations/${e.id}/letter`,
    {},
    `${e.document?.title ?? e.stepLabel}（${e.document?.number ?? ""}）.docx`,
  ).catch(notifyError);
