import type {
  BriefingTopic,
  FieldworkRecordKind,
  InterviewStatus,
  PartnerDepartmentKind,
  PreInspectionSource,
} from "@xuncha/domain/model";

/** GET /api/partner-departments */
export interface PartnerDepartment {
  id: string;
  committeeId: string;
  name: string;
  kind: PartnerDepartmentKind;
}

export type BriefingStatus = "pending" | "answered" | "overdue";

export interface AnswerFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface BriefingAnswer {
  id: string;
  content: string;
  answeredAt: string;
  late: boolean;
  answeredByName: string;
  files: AnswerFile[];
}

/** GET /api/briefings, /api/briefings/mine, /api/briefings/:id (answers only on the last). */
export interface BriefingRequest {
  id: string;
  committeeId: string;
  roundId: string;
  roundName: string;
  department: { id: string; name: string; kind: PartnerDepartmentKind };
  topics: BriefingTopic[];
  note: string;
  dueOn: string;
  createdAt: string;
  status: BriefingStatus;
  answeredTargets: number;
  targets: {
    targetId: string;
    targetName: string;
    groupId: string | null;
    status: BriefingStatus;
    answerCount: number;
    lastAnsweredAt: string | null;
    late: boolean;
    answers?: BriefingAnswer[];
  }[];
  abilities: { answer: boolean; manage: boolean };
}

/** GET /api/briefings/answers */
export interface RoundBriefingAnswer extends BriefingAnswer {
  requestId: string;
  targetId: string;
  targetName: string;
  departmentName: string;
  departmentKind: PartnerDepartmentKind;
  topics: BriefingTopic[];
  dueOn: string;
}

/** GET /api/pre-inspection-items */
export interface PreInspectionItem {
  id: string;
  roundId: string;
  groupId: string;
  targetId: string;
  targetName: string;
  source: PreInspectionSource;
  briefingAnswerId: string | null;
  departmentName: string | null;
  title: string;
  description: string;
  findingId: string | null;
  finding: { number: number; title: string } | null;
  createdByName: string;
  createdAt: string;
  abilities: { promote: boolean };
}

export interface PersonRef {
  personId: string;
  name: string;
}

/** GET /api/interviews (no record text) */
export interface Interview {
  id: string;
  roundId: string;
  groupId: string;
  groupName: string;
  targetId: string;
  targetName: string;
  scheduledOn: string;
  scheduledAt: string;
  place: string;
  intervieweeName: string;
  intervieweePost: string;
  principal: boolean;
  status: InterviewStatus;
  hasRecord: boolean;
  fileCount: number;
  inspectors: PersonRef[];
  createdByName: string;
  updatedAt: string;
  abilities: { edit: boolean };
}

/** GET /api/interviews/:id (audited) */
export interface InterviewDetail extends Interview {
  record: string;
  files: (AnswerFile & { sha256: string })[];
}

/** GET /api/fieldwork-records */
export interface FieldworkRecord {
  id: string;
  roundId: string;
  groupId: string;
  groupName: string;
  targetId: string;
  targetName: string;
  kind: FieldworkRecordKind;
  heldOn: string;
  subject: string;
  notes: string;
  inspectors: PersonRef[];
  files: AnswerFile[];
  createdByName: string;
  updatedAt: string;
  abilities: { edit: boolean };
}

/** GET /api/fieldwork/counts */
export interface FieldworkCounts {
  rows: {
    groupId: string;
    groupName: string;
    groupNumber: number;
    targetId: string;
    targetName: string;
    interviewsHeld: number;
    interviewsScheduled: number;
    principalInterviews: number;
    docReviews: number;
    visits: number;
  }[];
  totals: {
    interviewsHeld: number;
    interviewsScheduled: number;
    principalInterviews: number;
    docReviews: number;
    visits: number;
  };
}

export const briefingFileUrl = (answerId: string, fileId: string) =>
  `/api/briefings/answers/${encodeURIComponent(answerId)}/files/${encodeURIComponent(fileId)}`;
export const interviewFileUrl = (interviewId: string, fileId: string) =>
  `/api/interviews/${encodeURIComponent(interviewId)}/files/${encodeURIComponent(fileId)}`;
export const recordFileUrl = (recordId: string, fileId: string) =>
  `/api/fieldwork-records/${encodeURIComponent(recordId)}/files/${encodeURIComponent(fileId)}`;
