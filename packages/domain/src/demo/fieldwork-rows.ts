import type {
  accounts,
  briefingAnswers,
  briefingRequests,
  briefingRequestTargets,
  fieldworkRecordInspectors,
  fieldworkRecords,
  interviewInspectors,
  interviews,
  partnerDepartments,
  preInspectionItems,
  workpaperEvents,
  workpaperSignatures,
  workpapers,
} from "@xuncha/db";
import type { TipChannel } from "../model/tips";
import type { WorkpaperSource } from "../model/workpapers";
import type { SurveyAnswers } from "../surveys/questions";
import type {
  DemoActors,
  DemoCalendar,
  FindingRow,
  GroupRow,
  PersonRow,
  RoundRow,
  TargetRow,
  WorkRows,
} from "./demo-rows";
import type { Rng } from "./prng";

type WithId<T> = T & { id: string };
export type InspectorAccountRow = Omit<WithId<typeof accounts.$inferInsert>, "passwordHash">;
export type PartnerDepartmentRow = WithId<typeof partnerDepartments.$inferInsert>;
export type BriefingRequestRow = WithId<typeof briefingRequests.$inferInsert>;
export type BriefingRequestTargetRow = typeof briefingRequestTargets.$inferInsert;
export type BriefingAnswerRow = WithId<typeof briefingAnswers.$inferInsert>;
export type PreInspectionItemRow = WithId<typeof preInspectionItems.$inferInsert>;
export type InterviewRow = WithId<typeof interviews.$inferInsert>;
export type InterviewInspectorRow = typeof interviewInspectors.$inferInsert;
export type FieldworkRecordRow = WithId<typeof fieldworkRecords.$inferInsert>;
export type RecordInspectorRow = typeof fieldworkRecordInspectors.$inferInsert;
export type WorkpaperRow = WithId<typeof workpapers.$inferInsert>;
export type SignatureRow = WithId<typeof workpaperSignatures.$inferInsert>;
export type WorkpaperEventRow = WithId<typeof workpaperEvents.$inferInsert>;

/** The partner departments' and the custodian's demo accounts. */
export interface FieldworkAccounts {
  jiwei: string;
  zuzhibu: string;
  shenji: string;
  xinfang: string;
  caizheng: string;
}

export interface FieldworkCounty {
  committeeId: string;
  /** Usernames of its inspectors' accounts: qsxc001 … */
  usernamePrefix: string;
  targets: TargetRow[];
  people: PersonRow[];
}

export interface FieldworkInput {
  seed: number;
  cal: DemoCalendar;
  names: Set<string>;
  actors: DemoActors;
  accounts: FieldworkAccounts;
  work: WorkRows;
  /** The main county first: its fieldwork round gets the briefings, tips and survey. */
  counties: [FieldworkCounty, ...FieldworkCounty[]];
  /** The main county's round in preparation and the schools its group is formed with at load. */
  prepRound: RoundRow | undefined;
  prepSchoolIds: string[];
  /** The group of the group1 and member1 accounts. */
  accountGroupId: string | undefined;
}

/** A tip of the fieldwork round, sent through the tips use cases at load (its content is sealed). */
export interface TipPlan {
  channel: TipChannel;
  /** The group whose page (QR code) a web tip came from. */
  groupId?: string;
  /** null: "other", named in otherTarget. */
  targetId: string | null;
  otherTarget?: string;
  category: string;
  text: string;
  identity?: { name: string; phone: string };
  /** Days from today. */
  receivedOn: number;
  outcome:
    | { kind: "routed" }
    | { kind: "new" }
    | { kind: "routeTo"; groupId: string }
    | { kind: "use"; findingId?: string; note: string; publicAnswer: string; decidedOn: number }
    | {
        kind: "handOver";
        targetId: string;
        deadline: number;
        note: string;
        decidedOn: number;
        answer?: { text: string; answeredOn: number; publicAnswer: string };
      }
    | { kind: "file"; reason: string; publicAnswer: string; decidedOn: number };
  /** The group's leader or deputy asks the custodian to reveal the named submitter. */
  revealReason?: string;
}

export interface SurveyPlan {
  groupId: string;
  targetId: string;
  builtIn: string;
  opensOn: string;
  closesOn: string;
  codeCount: number;
  responses: { answers: SurveyAnswers; answeredOn: string }[];
  /** The finding whose workpaper names the survey as its source. */
  findingId: string | undefined;
}

export interface FieldworkRows {
  inspectorAccounts: InspectorAccountRow[];
  partnerDepartments: PartnerDepartmentRow[];
  /** Partner department of each department account. */
  departmentAccounts: { accountId: string; partnerDepartmentId: string }[];
  briefingRequests: BriefingRequestRow[];
  briefingRequestTargets: BriefingRequestTargetRow[];
  briefingAnswers: BriefingAnswerRow[];
  preInspectionItems: PreInspectionItemRow[];
  interviews: InterviewRow[];
  interviewInspectors: InterviewInspectorRow[];
  fieldworkRecords: FieldworkRecordRow[];
  fieldworkRecordInspectors: RecordInspectorRow[];
  workpapers: WorkpaperRow[];
  signatures: SignatureRow[];
  workpaperEvents: WorkpaperEventRow[];
  /** Findings whose workpaper's source record (a tip) is created at load. */
  tips: TipPlan[];
  tipFindings: string[];
  survey: SurveyPlan | undefined;
  immediateFix: { findingId: string; requirement: string; date: string; deadline: string } | undefined;
  /** The fieldwork round and its group of the demo accounts, for the midterm report. */
  fieldworkRoundId: string | undefined;
}

export interface GroupCtx {
  group: GroupRow;
  round: RoundRow;
  committeeId: string;
  start: number;
  /** The last day of fieldwork that has passed. */
  last: number;
  leader: PersonRow;
  deputy: PersonRow | undefined;
  members: PersonRow[];
  targets: TargetRow[];
  inAccountGroup: boolean;
  fieldwork: boolean;
}

/** A finding's source other than a record of the group's own (survey, briefing), by finding id. */
export type SpecialSources = Map<
  string,
  { source: WorkpaperSource; recordId: string | null; department?: string }
>;
/** Findings whose workpaper's source is a tip, with how the tip came in. */
export type TipFindings = Map<string, { channel: TipChannel; named: boolean }>;

/** What the fourth phase's steps share: the input, the generator, the rows written so far. */
export interface FieldworkCtx {
  input: FieldworkInput;
  rng: Rng;
  cal: DemoCalendar;
  out: FieldworkRows;
  targets: Map<string, TargetRow>;
  groupCtx: Map<string, GroupCtx>;
  /** Days from today of an ISO date, and of a moment. */
  offsetOf: (iso: string) => number;
  dayOf: (at: Date) => number;
  /** A day between from and to (from if to is earlier). */
  between: (from: number, to: number) => number;
  accountOf: (p: PersonRow) => string;
  findingsOf: (groupId: string) => FindingRow[];
}
