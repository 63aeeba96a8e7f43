import { isClosedQuestion, type SurveyAnswers, type SurveyQuestion } from "./questions";

/** Fewer closed questions than this and a survey never flags a response: too few to tell a pattern. */
export const STRAIGHT_LINE_MIN_QUESTIONS = 3;

/**
 * Straight-lining (一勾到底): the respondent ticked the same column all the way down. Defined over
 * the survey's closed questions, the single-choice and scale ones (multiple-choice and text
 * questions have no single column to tick):
 *  - a survey with fewer than 3 closed questions never flags;
 *  - a response is flagged when it answered at least 3 of them and chose the option in the same
 *    position (the first, the second …) in every one it answered. Optional questions left blank
 *    are not counted either way.
 * A flag is a hint for the results, not a verdict: flagged responses are counted and reported
 * separately, never dropped.
 */
export function isStraightLined(questions: readonly SurveyQuestion[], answers: SurveyAnswers): boolean {
  const closed = questions.filter(isClosedQuestion);
  if (closed.length < STRAIGHT_LINE_MIN_QUESTIONS) return false;
  const picked = closed.flatMap((q) => {
    const a = answers[q.id];
    return typeof a === "number" ? [a] : [];
  });
  return picked.length >= STRAIGHT_LINE_MIN_QUESTIONS && picked.every((p) => p === picked[0]);
}
