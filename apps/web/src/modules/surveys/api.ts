export type QuestionKind = "single" | "multiple" | "scale" | "text";

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  options: string[];
}

export const KIND_LABELS: Record<QuestionKind, string> = {
  single: "单选题",
  multiple: "多选题",
  scale: "量表题",
  text: "文字题",
};

/** GET /api/survey-questionnaires */
export interface QuestionnaireList {
  builtIn: { key: string; title: string; intro: string; questions: SurveyQuestion[] }[];
  items: Questionnaire[];
  abilities: { createTemplate: boolean };
}

export interface Questionnaire {
  id: string;
  source: "office" | "group";
  groupId: string | null;
  groupName: string | null;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  updatedAt: string;
  canEdit: boolean;
}

export type SurveyPhase = "open" | "scheduled" | "ended" | "closed";

export const PHASE_LABELS: Record<SurveyPhase, { text: string; color: string }> = {
  open: { text: "填写中", color: "green" },
  scheduled: { text: "未开始", color: "blue" },
  ended: { text: "已过截止日期", color: "default" },
  closed: { text: "已结束", color: "default" },
};

/** GET /api/surveys?roundId&groupId */
export interface SurveyList {
  items: {
    id: string;
    title: string;
    roundId: string;
    roundName: string;
    groupId: string;
    groupName: string;
    targetId: string;
    targetName: string;
    opensOn: string;
    closesOn: string;
    status: "open" | "closed";
    phase: SurveyPhase;
    codesIssued: number;
    responses: number;
    responseRate: number | null;
  }[];
  /** Where the account may start a survey. */
  groups: {
    groupId: string;
    groupName: string;
    roundId: string;
    roundName: string;
    targets: { id: string; name: string }[];
  }[];
}

/** GET /api/surveys/:id */
export interface SurveyDetail {
  id: string;
  title: string;
  intro: string;
  roundId: string;
  roundName: string;
  roundStatus: string;
  groupId: string;
  groupName: string;
  targetId: string;
  targetName: string;
  opensOn: string;
  closesOn: string;
  status: "open" | "closed";
  phase: SurveyPhase;
  closedAt: string | null;
  questions: SurveyQuestion[];
  codesIssued: number;
  codesUsed: number;
  responses: number;
  responseRate: number | null;
  abilities: { issueCodes: boolean; close: boolean };
}

/** POST /api/surveys/:id/codes (201), and `codes` of POST /api/surveys */
export interface IssuedSurveyCodes {
  surveyId: string;
  title: string;
  targetName: string;
  groupName: string;
  opensOn: string;
  closesOn: string;
  codes: string[];
  pageUrl: string;
  qrDataUrl: string;
}

export interface QuestionTally {
  id: string;
  kind: QuestionKind;
  title: string;
  answered: number;
  options: { label: string; count: number; percent: number }[];
  texts: string[];
}

/** GET /api/surveys/:id/results */
export interface SurveyResults {
  survey: SurveyDetail;
  responses: number;
  flaggedCount: number;
  straightLineRule: { minQuestions: number; closedQuestions: number };
  byDay: { day: string; n: number }[];
  all: QuestionTally[];
  withoutFlagged: QuestionTally[];
}

export const percentText = (rate: number | null) =>
  rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
