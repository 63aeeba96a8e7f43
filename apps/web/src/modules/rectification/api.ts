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
  /** Outcomes (成效): rules made (建章立制), money recovered (万元), people held accountable. */
  rulesMade?: string[];
  moneyRecovered?: number;
  accountablePersons?: number;
  /** The office's extensions of the deadline (延期), earliest first; the first `from` is the plan's. */
  extensions?: DeadlineExtension[];
}

export interface DeadlineExtension {
  from: string;
  to: string;
  reason: string;
  at: string;
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
  abilities: {
    addMeasure: boolean;
    reportProgress?: boolean;
    editOutcomes?: boolean;
    closeOut: boolean;
    /** The parties the caller may approve the close-out (销号) for, now. */
    approveAs?: CloseOutParty[];
    reopen: boolean;
    /** The office may extend a measure's deadline (the plan passed, the problem not closed). */
    extendDeadline?: boolean;
  };
  /** Close-out (销号): the parties that must approve, their approvals since the last reopening. */
  closeOut?: {
    required: CloseOutParty[];
    approvals: { party: CloseOutParty; by: string; note: string; at: string }[];
    evidence: number;
    history: { action: string; party: CloseOutParty | null; reason: string; by: string; at: string }[];
  };
}

export type CloseOutParty = "office" | "disciplineCommission" | "organizationDept";
export const CLOSE_OUT_PARTY_LABELS: Record<CloseOutParty, string> = {
  office: "巡察办",
  disciplineCommission: "纪委监委",
  organizationDept: "组织部",
};

/** Outcomes and counts summed over the ledger's rows. */
export interface LedgerSums {
  problems: number;
  closed: number;
  measures: number;
  rulesMade: number;
  moneyRecovered: number;
  accountablePersons: number;
}

/** GET /api/rectification/rates: a rate per group, with the outcomes summed. */
export interface RateRow extends LedgerSums {
  key: string;
  name: string;
  rate: Rate;
}
export interface Rates {
  by: "target" | "round" | "category" | "committee";
  formula: string;
  items: RateRow[];
}

export interface Ledger {
  items: LedgerItem[];
  rate: Rate;
  /** Paged by the server (GET /api/rectification/ledger?page&pageSize). */
  total?: number;
  page?: number;
  pageSize?: number;
  sums?: LedgerSums;
  /** Today in China, as the server computed the states. */
  today?: string;
}
