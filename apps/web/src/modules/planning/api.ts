/** Types of the planning API (apps/server/src/routes/planning/routes.ts). */

export interface PlanLimits {
  groupsPerRound: number;
  targetsPerGroup: number;
  /** null: villages count toward targetsPerGroup. */
  villagesPerGroup: number | null;
  membersPerGroup: number;
  maxConsecutiveRounds: number;
  keepVillagesWithTownship: boolean;
  /** Future round number → sector of a thematic round. */
  roundSectors: Record<string, string>;
}

/** GET /api/planning/terms */
export interface PlanTerm {
  id: string;
  committeeId: string;
  committeeName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  plannedRounds: number;
  planLimits: PlanLimits;
  canPlan: boolean;
}

export const COVERAGE_TYPE_LABELS = {
  department: "党政机关和部门单位",
  township: "乡镇(街道)",
  village: "村(社区)",
  stateEnterprise: "国有企业",
  secondLevelUnit: "二级单位",
  school: "学校",
  hospital: "医院",
} as const;
export type CoverageType = keyof typeof COVERAGE_TYPE_LABELS;

export const COVERAGE_STATUS_LABELS = {
  covered: "已覆盖",
  scheduled: "已安排",
  excluded: "不纳入本届",
  planned: "已规划",
  uncovered: "未覆盖",
} as const;
export type CoverageStatus = keyof typeof COVERAGE_STATUS_LABELS;

export const COVERAGE_STATUS_COLORS: Record<CoverageStatus, string> = {
  covered: "success",
  scheduled: "processing",
  excluded: "default",
  planned: "cyan",
  uncovered: "warning",
};

export interface CoverageTarget {
  id: string;
  name: string;
  category: string;
  type: CoverageType;
  sector: string;
  parentTargetId: string | null;
  parentName: string;
  status: CoverageStatus;
  lastInspectedOn: string | null;
  lastRoundLabel: string;
  termRound: { roundId: string; roundNumber: number; roundName: string; groupName: string } | null;
  planned: { roundNumber: number; groupNumber: number } | null;
  exclusionReason: string | null;
}

export interface CoverageCounts {
  total: number;
  required: number;
  remaining: number;
  covered: number;
  scheduled: number;
  excluded: number;
  planned: number;
  uncovered: number;
  rate: number | null;
}

/** GET /api/planning/terms/:id/coverage */
export interface Coverage {
  term: {
    id: string;
    committeeId: string;
    name: string;
    startsOn: string;
    endsOn: string;
    plannedRounds: number;
  };
  rounds: { held: number; started: number; inPreparation: number; future: number };
  totals: CoverageCounts;
  byType: (CoverageCounts & { type: CoverageType; label: string })[];
  definition: string[];
  targets: CoverageTarget[];
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface ProposalGroup {
  roundNumber: number;
  groupNumber: number;
  roundId?: string;
  groupId?: string;
  existing: boolean;
  name: string;
  leader: NamedRef | null;
  members: NamedRef[];
  people: NamedRef[];
  targets: { id: string; name: string; category: string }[];
}

export interface ShortfallReason {
  kind: "capacity" | "people" | "recusal" | "sector" | "noRounds" | "packing";
  message: string;
  targetIds: string[];
}

export type ProposalStatus = "proposed" | "accepted" | "rejected";
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  proposed: "待处理",
  accepted: "已采纳",
  rejected: "已退回",
};

/** GET /api/planning/proposals/:id (and the other proposal calls) */
export interface Proposal {
  id: string;
  termId: string;
  status: ProposalStatus;
  limits: PlanLimits;
  createdAt: string;
  decidedAt: string | null;
  groups: ProposalGroup[];
  entries: {
    roundNumber: number;
    groupNumber: number;
    targetId: string;
    targetName: string;
    category: string;
  }[];
  shortfall: {
    count: number;
    plannable: number;
    statement: string;
    reasons: ShortfallReason[];
    unplaced: NamedRef[];
    notes: string[];
  };
}

/** GET /api/planning/terms/:id/proposals */
export interface ProposalSummary {
  id: string;
  status: ProposalStatus;
  createdAt: string;
  decidedAt: string | null;
  entries: number;
  shortfallCount: number;
  statement: string;
}
