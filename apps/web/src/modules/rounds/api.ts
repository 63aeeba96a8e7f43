import type { GroupRole, Rate, RoundKind, RoundStage, TargetCategory } from "@xuncha/domain/model";

/** GET /api/terms */
export interface Term {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** GET /api/rounds (items) */
export interface RoundSummary {
  id: string;
  committeeId: string;
  termId: string;
  termName: string;
  number: number;
  name: string;
  kind: RoundKind;
  theme: string;
  startsOn: string;
  endsOn: string;
  stage: RoundStage;
  status: "open" | "closed";
  groupCount: number;
  targetCount: number;
}

export interface RoundStatistics {
  findings: number;
  drafts: number;
  clues: number;
  fedBack: number;
  closed: number;
  rectificationRate: Rate;
}

export interface GroupMember {
  personId: string;
  name: string;
  role: GroupRole;
}

export interface GroupTarget {
  id: string;
  name: string;
  category: TargetCategory;
}

export interface Group {
  id: string;
  number: number;
  name: string;
  /** Secretary of the group's temporary party branch (the leader by default). */
  branchSecretaryId: string | null;
  members: GroupMember[];
  targets: GroupTarget[];
}

/** GET /api/rounds/:id */
export interface RoundDetail extends Omit<RoundSummary, "groupCount" | "targetCount"> {
  groups: Group[];
  statistics: RoundStatistics;
  abilities: { manage: boolean };
}
