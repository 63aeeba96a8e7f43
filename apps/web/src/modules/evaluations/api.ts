import type { GroupRole } from "@xuncha/domain/model";

export type Grade = "优秀" | "良好" | "一般" | "较差";

export interface Criterion {
  code: string;
  title: string;
  max: number;
  hint: string;
  fact: string;
}

export interface ConductQuestion {
  code: string;
  title: string;
}

export interface EvaluationCriteria {
  criteria: Criterion[];
  thresholds: { 优秀: number; 良好: number; 一般: number };
  conductQuestions: ConductQuestion[];
}

export interface ConductResult {
  codesIssued: number;
  responses: number;
  responseRate: number | null;
  averages: { code: string; title: string; average: number | null }[];
  overall: number | null;
  remarks: string[];
}

/** GET /api/rounds/:id/evaluations */
export interface RoundEvaluations {
  round: { id: string; name: string; stage: string; status: string };
  criteria: EvaluationCriteria;
  maxTotal: number;
  groups: {
    groupId: string;
    name: string;
    targets: { id: string; name: string }[];
    facts: { code: string; fact: string; label: string; value: number | null; text: string }[];
    evaluation: {
      scores: { code: string; title: string; max: number; score: number; note: string }[];
      total: number;
      grade: Grade;
      comment: string;
      evaluatedBy: string;
      evaluatedAt: string;
    } | null;
    conduct: ConductResult;
  }[];
  abilities: { evaluate: boolean; issueCodes: boolean };
}

/** POST /api/groups/:id/conduct-codes (201) */
export interface IssuedCodes {
  committeeName: string;
  roundName: string;
  groupId: string;
  groupName: string;
  targets: { targetId: string; targetName: string; codes: string[] }[];
}

/** GET /api/people/:id/evaluations items (for the personnel page) */
export interface PersonEvaluation {
  roundId: string;
  roundName: string;
  roundStartsOn: string;
  roundEndsOn: string;
  roundStatus: "open" | "closed";
  groupId: string;
  groupName: string;
  role: GroupRole;
  evaluation: { total: number; maxTotal: number; grade: Grade; comment: string; evaluatedAt: string } | null;
  conduct: { responses: number; overall: number | null } | null;
}

export const GRADE_COLORS: Record<Grade, string> = { 优秀: "green", 良好: "blue", 一般: "gold", 较差: "red" };

/** The grade of a total, as the server computes it (share of the full score against the thresholds). */
export function gradeOf(total: number, maxTotal: number, t: EvaluationCriteria["thresholds"]): Grade {
  const percent = maxTotal > 0 ? (total / maxTotal) * 100 : 0;
  const reach = (min: number) => Math.round(percent * 100) >= Math.round(min * 100);
  if (reach(t.优秀)) return "优秀";
  if (reach(t.良好)) return "良好";
  if (reach(t.一般)) return "一般";
  return "较差";
}
