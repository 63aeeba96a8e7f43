/** The follow-up after the concentrated rectification period (回访督查, 整改成效评估, 整改公开, 回头看): API shapes and labels. */

export type RevisitMethod = "onSite" | "documents";
export type RevisitParty = "disciplineCommission" | "organizationDept";
export type RevisitState = "planned" | "due" | "overdue" | "done";

export const REVISIT_METHOD_LABELS: Record<RevisitMethod, string> = {
  onSite: "实地督查",
  documents: "书面督查",
};
export const REVISIT_PARTY_LABELS: Record<RevisitParty, string> = {
  disciplineCommission: "纪委监委",
  organizationDept: "组织部",
};
export const REVISIT_STATE_TAGS: Record<RevisitState, { label: string; color: string }> = {
  planned: { label: "已计划", color: "default" },
  due: { label: "即将到期", color: "orange" },
  overdue: { label: "已逾期", color: "red" },
  done: { label: "已完成", color: "green" },
};

/** GET /api/rectification/revisits: a contact gets the schedule only (no conclusion, no abilities). */
/** A target the round gave feedback to with fewer revisits than the committee's minimum. */
export interface RevisitShortfall {
  targetId: string;
  targetName: string;
  revisits: number;
  minimum: number;
}

export interface Revisit {
  id: string;
  roundId: string;
  roundName: string;
  targetId: string;
  targetName: string;
  sequence: number;
  plannedOn: string;
  method: RevisitMethod;
  parties: RevisitParty[];
  status: "planned" | "done";
  doneOn: string | null;
  state: RevisitState;
  conclusion?: string;
  reopened?: { id: string; number: number; title: string }[];
  abilities?: { edit: boolean; complete: boolean };
}

/** GET /api/rounds/:id/rectification-evaluations */
export interface EvaluationList {
  criteria: { key: string; label: string; weight: number }[];
  thresholds: { 好: number; 较好: number; 一般: number };
  canScore: boolean;
  items: {
    targetId: string;
    targetName: string;
    evaluation: {
      scores: { key: string; label: string; weight: number; score: number }[];
      total: number;
      grade: string;
      comment: string;
      updatedAt: string;
    } | null;
  }[];
}

export const GRADE_COLORS: Record<string, string> = { 好: "green", 较好: "blue", 一般: "orange", 差: "red" };

export type DisclosureScope = "party" | "public";
export type DisclosureStatus = "draft" | "submitted" | "approved" | "returned" | "published";
export const DISCLOSURE_SCOPE_LABELS: Record<DisclosureScope, string> = {
  party: "党内公开",
  public: "社会公开",
};
export const DISCLOSURE_STATUS_TAGS: Record<DisclosureStatus, { label: string; color: string }> = {
  draft: { label: "草稿", color: "default" },
  submitted: { label: "待领导小组审批", color: "processing" },
  approved: { label: "已批准待发布", color: "blue" },
  returned: { label: "已退回", color: "red" },
  published: { label: "已发布", color: "green" },
};

export interface WithheldItem {
  findingId: string;
  reason: string;
  note: string;
}

/** GET /api/rectification/disclosures(/:id); the office and the leading group get the rest. */
export interface Disclosure {
  id: string;
  roundId: string;
  targetId: string;
  targetName: string;
  scope: DisclosureScope;
  title: string;
  text?: string;
  status: DisclosureStatus;
  publishedAt: string | null;
  publishedFileId: string | null;
  withheld?: WithheldItem[];
  /** The office's own 开头; null = the final report's text (reportLead). */
  lead?: string | null;
  /** The office's own 结尾, after the last section. */
  closing?: string;
  reportLead?: string;
  approvalNote?: string;
  approvedAt?: string | null;
  abilities?: { edit: boolean; submit: boolean; approve: boolean; return: boolean; publish: boolean };
  items?: { findingId: string; number: number; title: string; closed: boolean }[];
  reasons?: { key: string; label: string }[];
}

/** GET /api/rounds/:id/carried-over */
export interface CarriedOverItem {
  id: string;
  number: number;
  title: string;
  categoryName: string;
  targetId: string;
  targetName: string;
  fromRound: { id: string; name: string; startsOn: string };
  fedBackOn: string | null;
  reopened: boolean;
  reopenReason: string;
  measures: number;
  state: "reopened" | "noPlan" | "unresolved";
}

export const CARRIED_STATE_TAGS: Record<CarriedOverItem["state"], { label: string; color: string }> = {
  reopened: { label: "销号后重新打开", color: "red" },
  noPlan: { label: "未制定整改措施", color: "orange" },
  unresolved: { label: "整改未完成", color: "gold" },
};
