import {
  type Completion,
  type GatheredOpinions,
  type JointReviewState,
  type JointReviewStatus,
  REVIEW_SUBJECT_KIND_LABELS,
  type ReviewDecision,
  type ReviewParty,
  type ReviewSubjectKind,
  type VersionContent,
  type VersionDiff,
} from "@xuncha/domain/model";

/**
 * Shapes of the joint review API (整改方案、进展报告、整改情况报告 and their 联审), as the server
 * presents them. The rules live in the domain's joint-review machine; the web only shows its state.
 */

export type {
  FieldChange,
  Fields,
  FieldValue,
  GatheredOpinions,
  JointReviewState,
  MeasureChange,
  PartyOpinion,
  PartyStatus,
  VersionContent,
  VersionDiff,
} from "@xuncha/domain/model";
export type SubjectKind = ReviewSubjectKind;
export const SUBJECT_KIND_LABELS = REVIEW_SUBJECT_KIND_LABELS;

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
  /** 1, 2, … within the feedback. */
  number: number;
  title: string;
  description: string;
  category: string;
  categoryName?: string;
  closed?: boolean;
  measures: PlanDraftMeasure[];
}

export interface PlanDraft {
  summary: string;
  findings: PlanDraftFinding[];
  signOff?: SignOff | null;
}

export interface ReportEntry {
  progress: string;
  completion: Completion;
}

export interface ReportDraft {
  text: string;
  entries: Record<string, ReportEntry>;
  /** The plan's problems and live measures, which the entries follow. */
  findings?: PlanDraftFinding[];
  signOff?: SignOff | null;
}

/** A sign-off: on the draft ({ kind, name, at, fileId }) or on a version ({ kind, signedByName, signedAt, fileId }). */
export interface SignOff {
  kind?: string;
  name?: string;
  at?: string | null;
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
  /** What changed for each of my parties since the version it last reviewed. */
  changes: PartyChanges[] | Partial<Record<ReviewParty, VersionDiff>>;
  abilities: {
    edit: boolean;
    signOff: boolean;
    /** The principal may confirm with their own account. */
    confirmSignOff?: boolean;
    submit: boolean;
    review: boolean;
    openReport?: boolean;
  };
}

export interface PartyChanges {
  party: ReviewParty;
  answered: boolean;
  lastReviewedVersion: number | null;
  toReview: string[];
  standing: { measureId: string; passedOn: number }[];
  diff: VersionDiff;
}

/** The principal's signed scan: of the draft, or of a submitted version. */
export const signOffScanUrl = (subjectId: string, version?: number) =>
  `/api/rectification/subjects/${encodeURIComponent(subjectId)}/sign-off-scan${version ? `?version=${version}` : ""}`;

export const isPlanDraft = (d: SubjectDetail["draft"]): d is PlanDraft =>
  typeof d === "object" && d !== null && "summary" in d && "findings" in d;

/** The diff one of my parties sees (from `changes`, else from the machine's party status). */
export function partyDiff(detail: SubjectDetail, party: ReviewParty): VersionDiff | undefined {
  const { changes } = detail;
  const given = Array.isArray(changes) ? changes.find((c) => c.party === party)?.diff : changes[party];
  return given ?? detail.state.parties.find((p) => p.party === party)?.changes;
}

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

/** Versions decided (every party answered), returned, opinions given and return verdicts. */
export interface ReviewCountFigures {
  reviewed: number;
  returned: number;
  opinions: number;
  returnVerdicts: number;
}

/** GET /rectification/review-counts */
export interface ReviewCounts {
  plans: ReviewCountFigures;
  reports: ReviewCountFigures;
  total: ReviewCountFigures;
  parties: { party: ReviewParty; label: string; reviewed: number; opinions: number; returns: number }[];
}
