/**
 * Names and bounds of the rectification supervision settings (整改督办) that the web shows and checks
 * too; the rules and the zod schemas using them live in the rectification module.
 */

/** The parties of a joint review (三方/四方联审), in display order. */
/**
 * Whether a receiving department (a finding's routeDept) is a party committee's organization
 * department, whatever the committee's prefix: "组织部", "县委组织部", "中共青山县委组织部". Problems
 * handed to it are seen by 组织部 and closed out with its approval too (access/policies.ts).
 */
export const isOrganizationDept = (name: string) => name.trim().endsWith("组织部");

export const REVIEW_PARTIES = ["office", "disciplineCommission", "organizationDept", "group"] as const;
export type ReviewParty = (typeof REVIEW_PARTIES)[number];
export const REVIEW_PARTY_LABELS: Record<ReviewParty, string> = {
  office: "巡察办",
  disciplineCommission: "纪委监委",
  organizationDept: "组织部",
  group: "巡察组",
};
/** The status of a joint review subject (plan or report), as the machine computes it. */
export const JOINT_REVIEW_STATUSES = ["draft", "underReview", "returned", "passed"] as const;
export type JointReviewStatus = (typeof JOINT_REVIEW_STATUSES)[number];
export const JOINT_REVIEW_STATUS_LABELS: Record<JointReviewStatus, string> = {
  draft: "未提交",
  underReview: "联审中",
  returned: "已退回",
  passed: "已通过",
};
export type ReviewDecision = "pass" | "return";
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = { pass: "通过", return: "退回" };
/** The office organises the joint review and always reviews. */
export const REQUIRED_REVIEW_PARTY: ReviewParty = "office";
/** A joint review has at least two parties (三方 or 四方 in practice). */
export const MIN_REVIEW_PARTIES = 2;

/** The escalation ladder (督办), in order. */
export const ESCALATION_STEPS = [
  "reminder",
  "urgingLetter",
  "summons",
  "circulation",
  "accountability",
] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];
export const ESCALATION_STEP_LABELS: Record<EscalationStep, string> = {
  reminder: "提醒",
  urgingLetter: "督办函",
  summons: "约谈",
  circulation: "通报",
  accountability: "问责建议",
};
/** The steps after the urging letter: each can be switched off and waits days after the previous one. */
export const LATER_ESCALATION_STEPS = ["summons", "circulation", "accountability"] as const;
export type LaterEscalationStep = (typeof LATER_ESCALATION_STEPS)[number];

/** Bounds (whole days, inclusive) of the ladder's delays. */
export const ESCALATION_DAY_BOUNDS = {
  /** The reminder: days before the deadline (0: on the deadline day). */
  daysBeforeDeadline: { min: 0, max: 90 },
  /** The urging letter: days after the deadline (1: the day after). */
  daysAfterDeadline: { min: 1, max: 365 },
  /** Each later step: days after the step before it was taken. */
  daysAfterPrevious: { min: 1, max: 365 },
} as const;

/** What goes through a joint review: the plan (整改方案), progress reports and the final report. */
export const REVIEW_SUBJECT_KINDS = ["plan", "progressReport", "finalReport"] as const;
export type ReviewSubjectKind = (typeof REVIEW_SUBJECT_KINDS)[number];
export const REVIEW_SUBJECT_KIND_LABELS: Record<ReviewSubjectKind, string> = {
  plan: "整改方案",
  progressReport: "整改进展情况报告",
  finalReport: "整改情况报告",
};

// ---------------------------------------------------------------------------------------------
// Shapes of a joint review (the rules are in rectification/joint-review.ts).

export type FieldValue = string | number | boolean | null | readonly FieldValue[];
export type Fields = Readonly<Record<string, FieldValue>>;

/** A measure (or a report's entry per measure); `id` is stable across versions. */
export interface ReviewedMeasure {
  id: string;
  fields: Fields;
}

export interface VersionContent {
  /** Fields of the whole plan or report (summary, principal's sign-off, …). */
  whole: Fields;
  measures: readonly ReviewedMeasure[];
}

/** A submitted version: numbered 1, 2, … with the parties that review it. */
export interface ReviewVersion extends VersionContent {
  number: number;
  parties: readonly ReviewParty[];
}

export interface Verdict {
  decision: ReviewDecision;
  opinion: string;
}

/** One party's answer to one version: the whole and each measure it had to review, by measure id. */
export interface PartyReview {
  party: ReviewParty;
  version: number;
  whole: Verdict;
  measures: Readonly<Record<string, Verdict>>;
}

export interface JointReviewHistory {
  versions: readonly ReviewVersion[];
  reviews: readonly PartyReview[];
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

/** What changed from one version to another (`from` null: from nothing, everything is added). */
export interface VersionDiff {
  from: number | null;
  to: number;
  whole: FieldChange[];
  /** Added and changed measures in the new version's order, then removed ones in the old order. */
  measures: MeasureChange[];
  /** Ids of the measures present and equal in both. */
  unchanged: string[];
}

export interface PartyOpinion {
  party: ReviewParty;
  decision: ReviewDecision;
  opinion: string;
}

/** The verdicts given on one version that say something: every return, and every pass with an opinion. */
export interface GatheredOpinions {
  version: number;
  whole: PartyOpinion[];
  /** In the version's measure order; only measures with at least one opinion. */
  measures: { measureId: string; opinions: PartyOpinion[] }[];
  /** Number of return verdicts (whole and measures). */
  returns: number;
}

export interface PartyStatus {
  party: ReviewParty;
  /** Whether the party has answered the current version. */
  answered: boolean;
  /** The latest earlier version this party answered; null when it never answered one. */
  lastReviewedVersion: number | null;
  /** Measures of the current version the party rules on (its answer to this version covers exactly these). */
  toReview: string[];
  /** Measures whose earlier pass stands, with the version that pass was given on. */
  standing: { measureId: string; passedOn: number }[];
  /** What changed since the party's last reviewed version. */
  changes: VersionDiff;
}

export interface JointReviewState {
  status: JointReviewStatus;
  /** The latest submitted version; null in draft. */
  version: number | null;
  /** One per party of the latest version. */
  parties: PartyStatus[];
  /** Parties that still have to answer the latest version (empty unless under review). */
  awaiting: ReviewParty[];
  /** When returned: the opinions given on the latest version. */
  returned: GatheredOpinions | null;
}
