import {
  EXPERTISE_TAGS,
  PERSON_POOLS,
  type PersonPool,
  type Relation,
  type TieKind,
} from "@xuncha/domain/model";

export type { PersonPool, Relation, TieKind };

/** GET /api/people items: a person of the committee's pools (组长库 / 人才库). */
export interface Person {
  id: string;
  name: string;
  sex: string;
  birthMonth: string;
  politicalStatus: string;
  unit: string;
  unitTargetId: string | null;
  post: string;
  rank: string;
  expertise: string[];
  pool: PersonPool;
  poolLabel?: string;
  joinedOn: string | null;
  available: boolean;
  phone: string;
  email: string;
  recusalNote: string;
  roundsNote: string;
  accountId: string | null;
  /** In lists: groups served in, trainings attended (person-times). */
  roundsServed?: number;
  trainingTimes?: number;
  abilities?: { update: boolean };
}

export interface PeopleList {
  items: Person[];
  total: number;
  page: number;
  pageSize: number;
  abilities?: { create: boolean; import: boolean };
}

export interface PersonJob {
  id: string;
  unit: string;
  targetId: string | null;
  targetName: string | null;
  post: string;
  startMonth: string;
  endMonth: string | null;
  current: boolean;
}

export interface PersonRelative {
  id: string;
  relation: Relation;
  relationLabel: string;
  name: string;
  unit: string;
  targetId: string | null;
  targetName: string | null;
  post: string;
  inLeadership: boolean;
}

export interface PersonTie {
  id: string;
  kind: TieKind;
  kindLabel: string;
  officialName: string;
  targetId: string | null;
  targetName: string | null;
  post: string;
  startMonth: string;
  endMonth: string | null;
  current: boolean;
}

/** GET /api/people/:id: the profile with its history. */
export interface PersonDetail extends Person {
  unitTargetName: string | null;
  jobs: PersonJob[];
  relatives: PersonRelative[];
  ties: PersonTie[];
  trainings: { id: string; title: string; heldOn: string; hours: number }[];
  trainingTimes: number;
  trainingHours: number;
  rounds: {
    roundId: string;
    roundLabel: string;
    roundKindLabel: string;
    roundStatus: string;
    startsOn: string;
    endsOn: string;
    groupId: string;
    groupName: string;
    role: string;
    roleLabel: string;
  }[];
  commitments: {
    id: string;
    kind: string;
    kindLabel: string;
    signedOn: string;
    fileId: string | null;
    roundId: string;
    roundLabel: string;
  }[];
  evaluations: {
    id: string;
    roundId: string;
    roundLabel: string;
    groupName: string;
    roleLabel: string;
    total: number;
    grade: string;
    comment: string;
    evaluatedAt: string;
  }[];
  abilities: { update: boolean; editHistory: boolean };
}

export interface Training {
  id: string;
  title: string;
  heldOn: string;
  hours: number;
  attendees: { id: string; name: string; pool: PersonPool; unit: string }[];
  personTimes: number;
  abilities: { update: boolean; delete: boolean };
}

export interface TrainingList {
  items: Training[];
  total: number;
  personTimes: number;
  abilities?: { create: boolean };
}

/** GET /api/people/stats */
export interface PoolStats {
  leaderPool: number;
  talentPool: number;
  leaderAvailable: number;
  talentAvailable: number;
  trainings: number;
  personTimes: number;
  peopleTrained: number;
}

/** POST /api/people/import */
export interface PeopleImportResult {
  imported: number;
  created: number;
  updated: number;
  jobsAdded: number;
  relativesAdded: number;
  withRecusalNote: number;
}

export const POOL_LABELS: Record<PersonPool, string> = PERSON_POOLS.labels;

/** Expertise as offices record it (GLOSSARY: 纪检, 组织, 财会, 审计, 政法…); free tags are allowed too. */
export const EXPERTISE_OPTIONS: readonly string[] = EXPERTISE_TAGS;

export const POLITICAL_STATUSES = ["中共党员", "中共预备党员", "共青团员", "民主党派", "群众"];

/** The 巡察人员库 columns, for the import help. */
export const PEOPLE_IMPORT_COLUMNS = [
  "姓名",
  "入库类别",
  "性别",
  "出生年月",
  "政治面貌",
  "工作单位",
  "职务",
  "职级",
  "业务特长",
  "入库时间",
  "参加巡察轮次",
  "回避情形",
  "联系电话",
];

/** 2015-03 至 2019-06 / 2020-01 至今 */
export const monthRange = (start: string, end: string | null) => `${start} 至 ${end ?? "今"}`;
