import type { Completion, JointReviewStatus, ReviewDecision, ReviewParty } from "@xuncha/domain/model";

/**
 * Shapes of the joint review API (整改方案、进展报告、整改情况报告 and their 联审), as the server
 * presents them. The rules live in the domain's joint-review machine; the web only shows its state.
 */

export type SubjectKind = "plan" | "progressReport" | "finalReport";
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  plan: "整改方案",
  progressReport: "整改进展情况报告",
  finalReport: "整改情况报告",
};

export type FieldValue = string | number | boolean | null | readonly FieldValue[];
export type Fields = Readonly<Record<string, FieldValue>>;

export interface VersionContent {
  whole: Fields;
  measures: { id: string; fields: Fields }[];
}

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export type MeasureChange =
  | { id: string; kind: "added"; after: Fields }
  | { id: string; kind: "removed"; before: Fields }
  | { id: string; kind: "changed"; fields: FieldChange[] };

export interface VersionDiff {
  from: number | null;
  to: number;
  whole: FieldChange[];
  measures: MeasureChange[];
  unchanged: string[];
}

export interface PartyOpinion {
  party: ReviewParty;
  decision: ReviewDecision;
  opinion: string;
}

export interface GatheredOpinions {
  version: number;
  whole: PartyOpinion[];
  measures: { measureId: string; opinions: PartyOpinion[] }[];
  returns: number;
}

export interface PartyStatus {
  party: ReviewParty;
  answered: boolean;
  lastReviewedVersion: number | null;
  toReview: string[];
  standing: { measureId: string; passedOn: number }[];
  changes: VersionDiff;
}

export interface JointReviewState {
  status: JointReviewStatus;
  version: number | null;
  parties: PartyStatus[];
  awaiting: ReviewParty[];
  returned: GatheredOpinions | null;
}

/** GET /rectification/subjects items. */
export interface SubjectSummary {
  id: string;
  kind: SubjectKind;
  kindLabel: string;
  sequence: number;
  title: string;
  target: { id: string; name: string };
  round: { id: string; name: string };
  feedbackId: string;
  status: JointReviewStatus;
  statusLabel: string;
  version: number | null;
  dueOn: string | null;
  awaiting: ReviewParty[];
  myParties: ReviewParty[];
  myTurn: boolean;
}

export interface PlanDraftMeasure {
  id: string;
  content: string;
  goal: string;
  responsibleLeader: string;
  responsibleDept: string;
  responsiblePerson: string;
  deadline: string;
  longTerm: boolean;
}

export interface PlanDraftFinding {
  id: string;
  number: number;
  title: string;
  description: string;
  category: string;
  measures: PlanDraftMeasure[];
}

export interface PlanDraft {
  summary: string;
  findings: PlanDraftFinding[];
}

export interface ReportEntry {
  progress: string;
  completion: Completion;
}

export interface ReportDraft {
  text: string;
  entries: Record<string, ReportEntry>;
}

export interface SignOff {
  kind?: string;
  signedByName?: string;
  signedAt?: string | null;
  fileId?: string | null;
  fileName?: string | null;
}

export interface SubmittedVersion {
  number: number;
  parties: ReviewParty[];
  content: VersionContent;
  submittedAt: string;
  signOff: SignOff | null;
}

/** GET /rectification/subjects/:id */
export interface SubjectDetail {
  subject: SubjectSummary;
  draft: PlanDraft | ReportDraft;
  versions: SubmittedVersion[];
  state: JointReviewState;
  gathered: GatheredOpinions | null;
  myParties: ReviewParty[];
  changes: Partial<Record<ReviewParty, VersionDiff>>;
  /** The sign-off recorded on the current draft (before submission), when the server gives it. */
  signOff?: SignOff | null;
  abilities: { edit: boolean; signOff: boolean; submit: boolean; review: boolean };
}

export const isPlanDraft = (d: SubjectDetail["draft"]): d is PlanDraft =>
  typeof d === "object" && d !== null && "findings" in d;

export interface Verdict {
  decision: ReviewDecision;
  opinion: string;
}

/** POST /rectification/subjects/:id/reviews */
export interface ReviewInput {
  party: ReviewParty;
  version: number;
  whole: Verdict;
  measures: Record<string, Verdict>;
}

/** GET /rectification/review-counts (per kind or in total; the server may give more). */
export interface ReviewCounts {
  plansReviewed?: number;
  reportsReviewed?: number;
  reviewed?: number;
  returned?: number;
  opinions?: number;
  returnVerdicts?: number;
  pending?: number;
  [key: string]: number | undefined | unknown;
}
