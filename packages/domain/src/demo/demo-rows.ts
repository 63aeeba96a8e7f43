import type {
  closeOuts,
  clues,
  commitments,
  committees,
  conductCodes,
  conductResponses,
  feedbacks,
  findings,
  groupEvaluations,
  groupMembers,
  groups,
  groupTargets,
  measures,
  numberingRegisters,
  people,
  personJobs,
  personRelatives,
  personTies,
  progressUpdates,
  rounds,
  targets,
  termExclusions,
  terms,
  trainingAttendees,
  trainings,
} from "@xuncha/db";

/** Rows with their ids set in advance, so every table goes in with one bulk insert. */
type WithId<T> = T & { id: string };

export type CommitteeRow = WithId<typeof committees.$inferInsert>;
export type TargetRow = WithId<typeof targets.$inferInsert>;
export type PersonRow = WithId<typeof people.$inferInsert>;
export type TermRow = WithId<typeof terms.$inferInsert>;
export type RoundRow = WithId<typeof rounds.$inferInsert>;
export type GroupRow = WithId<typeof groups.$inferInsert>;
export type GroupMemberRow = typeof groupMembers.$inferInsert;
export type GroupTargetRow = typeof groupTargets.$inferInsert;
export type FindingRow = WithId<typeof findings.$inferInsert>;
export type ClueRow = WithId<typeof clues.$inferInsert>;
export type FeedbackRow = WithId<typeof feedbacks.$inferInsert>;
export type MeasureRow = WithId<typeof measures.$inferInsert>;
export type ProgressRow = WithId<typeof progressUpdates.$inferInsert>;
export type CloseOutRow = WithId<typeof closeOuts.$inferInsert>;
export type CommitmentRow = WithId<typeof commitments.$inferInsert>;
export type JobRow = WithId<typeof personJobs.$inferInsert>;
export type RelativeRow = WithId<typeof personRelatives.$inferInsert>;
export type TieRow = WithId<typeof personTies.$inferInsert>;
export type TrainingRow = WithId<typeof trainings.$inferInsert>;
export type AttendeeRow = typeof trainingAttendees.$inferInsert;
export type ExclusionRow = typeof termExclusions.$inferInsert;
export type RegisterRow = WithId<typeof numberingRegisters.$inferInsert>;
export type EvaluationRow = WithId<typeof groupEvaluations.$inferInsert>;
export type ConductCodeRow = WithId<typeof conductCodes.$inferInsert>;
export type ConductResponseRow = WithId<typeof conductResponses.$inferInsert>;

/** The rounds' business rows of one or more counties. */
export interface WorkRows {
  terms: TermRow[];
  rounds: RoundRow[];
  groups: GroupRow[];
  groupMembers: GroupMemberRow[];
  groupTargets: GroupTargetRow[];
  /** Both pledges of every person of every group, save one person left unsigned to show the gap. */
  commitments: CommitmentRow[];
  findings: FindingRow[];
  clues: ClueRow[];
  feedbacks: FeedbackRow[];
  measures: MeasureRow[];
  progressUpdates: ProgressRow[];
  closeOuts: CloseOutRow[];
}

export const emptyWork = (): WorkRows => ({
  terms: [],
  rounds: [],
  groups: [],
  groupMembers: [],
  groupTargets: [],
  commitments: [],
  findings: [],
  clues: [],
  feedbacks: [],
  measures: [],
  progressUpdates: [],
  closeOuts: [],
});

/**
 * The accounts that appear as authors of demo records. Pool people without an account (most
 * inspectors) have their records entered by the office, as offices do when they migrate ledgers.
 */
export interface DemoActors {
  officeHead: string;
  office: string;
  leader: string;
  group1: string;
  member1: string;
  target1: string;
}

/** Day arithmetic on calendar dates (UTC), relative to the load date. */
export class DemoCalendar {
  private readonly base: number;
  constructor(today: Date) {
    this.base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  }
  /** YYYY-MM-DD, `offset` days from today. */
  day(offset: number): string {
    return new Date(this.base + offset * 86_400_000).toISOString().slice(0, 10);
  }
  /** A moment on that day, during office hours. */
  at(offset: number, hour = 10): Date {
    return new Date(this.base + offset * 86_400_000 + hour * 3_600_000);
  }
  year(offset = 0): number {
    return new Date(this.base + offset * 86_400_000).getUTCFullYear();
  }
}
