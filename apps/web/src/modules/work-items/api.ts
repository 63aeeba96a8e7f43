import type { RoundStage } from "@xuncha/domain/model";

export type WorkItemOwner =
  | "office"
  | "group"
  | "leadingGroup"
  | "target"
  | "disciplineCommission"
  | "organizationDept";
export type WorkItemScope = "round" | "group" | "target";
export type DueAnchor = "roundStart" | "roundMiddle" | "roundEnd" | "feedback" | "clueTransfer";
export type DeadlineKey =
  | "noticeBeforeEntry"
  | "reportAfterFieldwork"
  | "rectificationPlanAfterFeedback"
  | "finalReportAfterFeedback"
  | "clueResultsAfterTransfer";

export const OWNER_LABELS: Record<WorkItemOwner, string> = {
  office: "巡察办",
  group: "巡察组",
  leadingGroup: "领导小组",
  target: "被巡察单位",
  disciplineCommission: "纪委监委",
  organizationDept: "组织部",
};
export const SCOPE_LABELS: Record<WorkItemScope, string> = {
  round: "每轮一项",
  group: "每组一项",
  target: "每个对象一项",
};
export const ANCHOR_LABELS: Record<DueAnchor, string> = {
  roundStart: "进驻之日",
  roundMiddle: "巡察了解期中",
  roundEnd: "巡察了解结束",
  feedback: "反馈之日",
  clueTransfer: "线索移交之日",
};
export const DEADLINE_LABELS: Record<DeadlineKey, string> = {
  noticeBeforeEntry: "巡察通知须在进驻前送达",
  reportAfterFieldwork: "巡察了解结束后报告巡察情况",
  rectificationPlanAfterFeedback: "反馈后报送整改方案",
  finalReportAfterFeedback: "反馈后报送整改情况报告",
  clueResultsAfterTransfer: "线索移交后反馈处置结果",
};

export interface Period {
  amount: number;
  unit: "days" | "months";
}

export interface DueRule {
  anchor: DueAnchor;
  before: boolean;
  deadline: DeadlineKey | null;
  offset: Period | null;
}

/** One entry of the committee's checklist (setting workItemChecklist). */
export interface ChecklistItem {
  code: string;
  stage: RoundStage;
  title: string;
  owner: WorkItemOwner;
  scope: WorkItemScope;
  due: DueRule | null;
}

export type Deadlines = Record<DeadlineKey, Period>;

/** GET /api/committee-settings/:key */
export interface Setting<T> {
  key: string;
  label: string;
  value: T;
  isDefault: boolean;
}

/** A work item of a round (GET /api/rounds/:id/work-items items, PATCH /api/work-items/:id). */
export interface WorkItem {
  id: string;
  roundId: string;
  stage: RoundStage;
  code: string;
  title: string;
  owner: WorkItemOwner;
  scope: WorkItemScope;
  groupId: string | null;
  groupName: string | null;
  targetId: string | null;
  targetName: string | null;
  dueOn: string | null;
  doneOn: string | null;
  doneBy: { id: string; name: string } | null;
  note: string;
  overdueDays: number | null;
  abilities: { mark: boolean };
}

export interface StageCount {
  done: number;
  total: number;
  overdue: number;
  maxOverdueDays: number;
}
export type StageCounts = Record<RoundStage, StageCount>;

/** GET /api/rounds/:id/work-items */
export interface RoundWorkItems {
  round: {
    id: string;
    name: string;
    stage: RoundStage;
    status: "open" | "closed";
    startsOn: string;
    endsOn: string;
  };
  today: string;
  items: WorkItem[];
  progress: {
    round: StageCounts;
    groups: { groupId: string; name: string; stages: StageCounts }[];
    targets: { targetId: string; name: string; groupId: string | null; stages: StageCounts }[];
  };
  openBeforeNextStage: number;
  abilities: { sync: boolean; moveStage: boolean };
}

/** GET /api/work-items/overdue */
export interface OverdueWorkItems {
  today: string;
  total: number;
  rounds: { roundId: string; name: string; stage: RoundStage; overdue: number; maxOverdueDays: number }[];
  items: (WorkItem & { roundName: string })[];
}

/** Details of the 409 round.stage_open_items. */
export interface OpenItemsDetails {
  openItems: { id: string; stage: RoundStage; code: string; title: string; stageLabel: string }[];
}
