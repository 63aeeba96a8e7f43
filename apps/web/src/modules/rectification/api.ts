import type { Completion, Rate, Severity } from "@xuncha/domain/model";
import type { LedgerState } from "../../app/status";

export interface ProgressUpdate {
  id: string;
  reportedOn: string;
  content: string;
  completion: Completion;
  files: { id: string; name: string; size: number; sha256: string }[];
}

export interface Measure {
  id: string;
  findingId?: string;
  content: string;
  goal: string;
  responsibleLeader: string;
  responsibleDept: string;
  responsiblePerson: string;
  deadline: string;
  longTerm: boolean;
  progress: ProgressUpdate[];
  latest?: Completion;
}

/** GET /api/rectification/ledger items: one fed-back problem with its measures. */
export interface LedgerItem {
  finding: {
    id: string;
    number: number;
    title: string;
    description: string;
    category?: string;
    categoryName: string;
    severity: Severity;
    route?: string | null;
    routeDept?: string;
  };
  target: { id: string; name: string };
  round: { id: string; name: string };
  measures: Measure[];
  state: LedgerState;
  closedAt: string | null;
  abilities: { addMeasure: boolean; reportProgress?: boolean; closeOut: boolean; reopen: boolean };
}

export interface Ledger {
  items: LedgerItem[];
  rate: Rate;
}
