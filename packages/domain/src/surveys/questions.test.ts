import { describe, expect, it } from "vitest";
import { AppError } from "../model/errors";
import { checkAnswers, checkQuestions, type SurveyQuestion } from "./questions";
import { tallyResponses } from "./tally";
import { BUILT_IN_QUESTIONNAIRES } from "./templates";

const qs: SurveyQuestion[] = [
  { id: "a", kind: "scale", title: "总体评价", required: true, options: ["好", "较好", "一般", "差"] },
  { id: "b", kind: "multiple", title: "主要问题", required: false, options: ["甲", "乙", "丙"] },
  { id: "c", kind: "text", title: "意见建议", required: false, options: [] },
];

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.details as { problems: unknown[] };
  }
  throw new Error("expected an AppError");
};

describe("survey questions and answers", () => {
  it("accepts the built-in questionnaires", () => {
    for (const b of BUILT_IN_QUESTIONNAIRES)
      expect(checkQuestions(b.questions)).toHaveLength(b.questions.length);
  });

  it("refuses duplicate ids, blank titles and choice questions without two distinct options", () => {
    const { problems } = problemsOf(() =>
      checkQuestions([
        { id: "a", kind: "single", title: " ", required: true, options: ["是"] },
        { id: "a", kind: "multiple", title: "x", required: true, options: ["是", "是"] },
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problemsOf(() => checkQuestions([])).problems).toEqual(["问卷至少要有一道题"]);
  });

  it("keeps valid answers, sorted multiple choices and trimmed text; leaves blank optional answers out", () => {
    expect(checkAnswers(qs, { a: 1, b: [2, 0], c: "  很好 " })).toEqual({ a: 1, b: [0, 2], c: "很好" });
    expect(checkAnswers(qs, { a: 3, b: [], c: "" })).toEqual({ a: 3 });
  });

  it("refuses a missing required answer, an option out of range, repeated choices and unknown questions", () => {
    const { problems } = problemsOf(() => checkAnswers(qs, { b: [1, 1], c: 4, z: 1 }));
    expect(problems).toEqual([
      { questionId: "z", message: "问卷中没有这道题" },
      { questionId: "a", message: "此题必答" },
      { questionId: "b", message: "选项有误" },
      { questionId: "c", message: "请填写文字" },
    ]);
    expect(problemsOf(() => checkAnswers(qs, { a: 4 })).problems).toHaveLength(1);
    expect(problemsOf(() => checkAnswers(qs, { a: 1.5 })).problems).toHaveLength(1);
  });

  it("tallies counts and percentages of those who answered each question", () => {
    const [a, b, c] = tallyResponses(qs, [{ a: 0, b: [0, 1], c: "好" }, { a: 0 }, { a: 2, b: [1] }]);
    expect(a!.answered).toBe(3);
    expect(a!.options.map((o) => [o.count, o.percent])).toEqual([
      [2, 66.7],
      [0, 0],
      [1, 33.3],
      [0, 0],
    ]);
    expect(b!.answered).toBe(2);
    expect(b!.options.map((o) => o.percent)).toEqual([50, 100, 0]);
    expect(c).toMatchObject({ answered: 1, texts: ["好"], options: [] });
  });
});
