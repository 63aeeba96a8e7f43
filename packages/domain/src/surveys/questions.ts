import { AppError } from "../model/errors";

/**
 * The kinds of survey questions: one option (single), several options (multiple), an ordered
 * scale (scale: e.g. 好/较好/一般/差 or 1–5, best first) and free text (text).
 */
export const QUESTION_KINDS = ["single", "multiple", "scale", "text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface SurveyQuestion {
  /** Stable key of the question within its questionnaire (q1, q2 …): the answers are keyed by it. */
  id: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  /** The options of single, multiple and scale questions, in display order; empty for text. */
  options: string[];
}

/** One answer: an option's index (single, scale), indexes (multiple) or text. */
export type SurveyAnswer = number | number[] | string;
export type SurveyAnswers = Record<string, SurveyAnswer>;

export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 2000;

/** Scale and single-choice questions: one option picked from a list (the questions a respondent can "tick down"). */
export const isClosedQuestion = (q: SurveyQuestion) => q.kind === "single" || q.kind === "scale";

/**
 * The questions as they will be stored, or survey.questions_invalid with the problems: at least one
 * question, unique ids, a title each, 2–20 distinct options for choice and scale questions, none
 * for text. Titles and options are trimmed.
 */
export function checkQuestions(input: readonly SurveyQuestion[]): SurveyQuestion[] {
  const problems: string[] = [];
  if (!input.length) problems.push("问卷至少要有一道题");
  if (input.length > MAX_QUESTIONS) problems.push(`问卷最多 ${MAX_QUESTIONS} 道题`);
  const ids = new Set<string>();
  const questions = input.map((q, i) => {
    const n = i + 1;
    const title = q.title.trim();
    const options = q.kind === "text" ? [] : q.options.map((o) => o.trim());
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(q.id)) problems.push(`第 ${n} 题的编号有误`);
    if (ids.has(q.id)) problems.push(`第 ${n} 题的编号与其他题重复`);
    ids.add(q.id);
    if (!title) problems.push(`第 ${n} 题没有题目`);
    if (q.kind !== "text") {
      if (options.length < 2 || options.length > MAX_OPTIONS) {
        problems.push(`第 ${n} 题须有 2 至 ${MAX_OPTIONS} 个选项`);
      }
      if (options.some((o) => !o)) problems.push(`第 ${n} 题有空白选项`);
      if (new Set(options).size !== options.length) problems.push(`第 ${n} 题有重复的选项`);
    }
    return { id: q.id, kind: q.kind, title, required: q.required, options };
  });
  if (problems.length) throw new AppError("survey.questions_invalid", undefined, { problems });
  return questions;
}

/**
 * The answers as they will be stored, or survey.answers_invalid with the problems: answers only to
 * the survey's questions, every required question answered, option indexes in range, multiple
 * choices distinct (kept sorted), text trimmed to at most 2,000 characters. Unanswered optional
 * questions (and blank texts) are left out.
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  given: Record<string, unknown>,
): SurveyAnswers {
  const problems: { questionId: string; message: string }[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) problems.push({ questionId: key, message: "问卷中没有这道题" });
  }
  const answers: SurveyAnswers = {};
  for (const q of questions) {
    const v = given[q.id];
    const blank =
      v === undefined ||
      v === null ||
      (typeof v === "string" && !v.trim()) ||
      (Array.isArray(v) && v.length === 0);
    if (blank) {
      if (q.required) problems.push({ questionId: q.id, message: "此题必答" });
      continue;
    }
    const inRange = (x: unknown): x is number =>
      typeof x === "number" && Number.isInteger(x) && x >= 0 && x < q.options.length;
    if (q.kind === "text") {
      if (typeof v !== "string") problems.push({ questionId: q.id, message: "请填写文字" });
      else if (v.trim().length > MAX_TEXT_ANSWER) {
        problems.push({ questionId: q.id, message: `不能超过 ${MAX_TEXT_ANSWER} 个字` });
      } else answers[q.id] = v.trim();
    } else if (q.kind === "multiple") {
      if (!Array.isArray(v) || !v.every(inRange) || new Set(v).size !== v.length) {
        problems.push({ questionId: q.id, message: "选项有误" });
      } else answers[q.id] = [...v].sort((a, b) => a - b);
    } else if (!inRange(v)) {
      problems.push({ questionId: q.id, message: "选项有误" });
    } else answers[q.id] = v;
  }
  if (problems.length) throw new AppError("survey.answers_invalid", undefined, { problems });
  return answers;
}
