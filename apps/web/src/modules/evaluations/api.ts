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
  /** The public questionnaire's address and its QR code (a PNG data URL), printed on every slip. */
  pageUrl: string;
  qrDataUrl: string;
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

/** What the system counts for a group, shown beside the criterion (EVALUATION_FACTS on the server). */
export const EVALUATION_FACT_LABELS: Record<string, string> = {
  findings: "已审批问题数",
  severeFindings: "较重及严重问题数",
  clues: "移交问题线索数",
  workItemsDone: "按期完成工作事项",
  none: "无",
};

const CODE = /^[a-zA-Z][a-zA-Z0-9_.-]{0,39}$/;

/**
 * The problems of edited criteria, in the words of the server's schema
 * (packages/domain/src/evaluations/criteria.ts); none: the value can be saved.
 */
export function criteriaProblems(v: EvaluationCriteria): string[] {
  const out: string[] = [];
  if (v.criteria.length < 1) out.push("至少设置一个评价项目");
  if (v.criteria.length > 20) out.push("评价项目最多 20 个");
  v.criteria.forEach((c, i) => {
    const at = `第 ${i + 1} 个评价项目`;
    if (!CODE.test(c.code))
      out.push(`${at}：编码须以字母开头，只能包含字母、数字、点、下划线和连字符（至多 40 个字符）`);
    if (!c.title.trim()) out.push(`${at}：请填写评价项目`);
    else if (c.title.trim().length > 50) out.push(`${at}：评价项目至多 50 个字`);
    if (!(c.max > 0)) out.push(`${at}：满分须大于 0`);
    else if (c.max > 1000) out.push(`${at}：满分至多 1000`);
    if (c.hint.trim().length > 200) out.push(`${at}：说明至多 200 个字`);
    if (!(c.fact in EVALUATION_FACT_LABELS)) out.push(`${at}：请选择参考数据`);
  });
  const { 优秀, 良好, 一般 } = v.thresholds;
  if ([优秀, 良好, 一般].some((n) => !Number.isFinite(n) || n < 0 || n > 100))
    out.push("等次分数线须在 0 至 100 之间");
  else if (!(优秀 > 良好 && 良好 > 一般)) out.push("等次分数线须满足：优秀 > 良好 > 一般");
  if (v.conductQuestions.length < 5 || v.conductQuestions.length > 8) out.push("作风评价问题应为 5 至 8 个");
  v.conductQuestions.forEach((q, i) => {
    const at = `第 ${i + 1} 个作风评价问题`;
    if (!CODE.test(q.code))
      out.push(`${at}：编码须以字母开头，只能包含字母、数字、点、下划线和连字符（至多 40 个字符）`);
    if (!q.title.trim()) out.push(`${at}：请填写问题`);
    else if (q.title.trim().length > 100) out.push(`${at}：问题至多 100 个字`);
  });
  for (const [what, list] of [
    ["评价项目", v.criteria],
    ["作风评价问题", v.conductQuestions],
  ] as const) {
    const codes = list.map((c) => c.code);
    if (new Set(codes).size !== codes.length) out.push(`${what}的编码不能重复`);
  }
  return out;
}

/** A code not used yet in the list: prefix1, prefix2, … */
export function freshCode(prefix: string, taken: readonly { code: string }[]): string {
  const used = new Set(taken.map((t) => t.code));
  let n = taken.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
