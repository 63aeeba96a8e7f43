import type { SurveyAnswers, SurveyQuestion } from "./questions";

const percent = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

export interface QuestionTally {
  id: string;
  kind: SurveyQuestion["kind"];
  title: string;
  /** Responses that answered this question. */
  answered: number;
  /**
   * Per option: how many chose it and their share of those who answered the question (in percent,
   * one decimal). For multiple choice the shares add up to more than 100.
   */
  options: { label: string; count: number; percent: number }[];
  /** Text questions: the answers, in the responses' random order. */
  texts: string[];
}

/** Counts and percentages per question over a set of responses. */
export function tallyResponses(questions: readonly SurveyQuestion[], responses: readonly SurveyAnswers[]) {
  return questions.map((q): QuestionTally => {
    const given = responses.map((r) => r[q.id]).filter((a) => a !== undefined);
    if (q.kind === "text") {
      const texts = given.filter((a): a is string => typeof a === "string");
      return { id: q.id, kind: q.kind, title: q.title, answered: texts.length, options: [], texts };
    }
    const counts = q.options.map(() => 0);
    for (const a of given) {
      for (const i of Array.isArray(a) ? a : [a]) {
        if (typeof i === "number" && i >= 0 && i < counts.length) counts[i]! += 1;
      }
    }
    return {
      id: q.id,
      kind: q.kind,
      title: q.title,
      answered: given.length,
      options: q.options.map((label, i) => ({
        label,
        count: counts[i]!,
        percent: percent(counts[i]!, given.length),
      })),
      texts: [],
    };
  });
}
