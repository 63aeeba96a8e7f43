import { describe, expect, it } from "vitest";
import type { SurveyQuestion } from "./questions";
import { isStraightLined } from "./straight-lining";

const SCALE = ["好", "较好", "一般", "差"];
const scale = (id: string, required = true): SurveyQuestion => ({
  id,
  kind: "scale",
  title: id,
  required,
  options: SCALE,
});
const single = (id: string): SurveyQuestion => ({
  id,
  kind: "single",
  title: id,
  required: true,
  options: ["是", "否", "不了解"],
});
const multiple: SurveyQuestion = {
  id: "m",
  kind: "multiple",
  title: "m",
  required: false,
  options: ["甲", "乙", "丙"],
};
const text: SurveyQuestion = { id: "t", kind: "text", title: "t", required: false, options: [] };

describe("straight-lining (一勾到底)", () => {
  const four = [scale("q1"), scale("q2"), single("q3"), scale("q4"), multiple, text];

  it("flags the same position on every closed question, whatever the text and multiple-choice answers", () => {
    expect(isStraightLined(four, { q1: 0, q2: 0, q3: 0, q4: 0, m: [1, 2], t: "很好" })).toBe(true);
    expect(isStraightLined(four, { q1: 3, q2: 3, q3: 2, q4: 3 })).toBe(false);
    expect(isStraightLined(four, { q1: 2, q2: 2, q3: 2, q4: 2 })).toBe(true);
  });

  it("does not flag a response that differs on one closed question", () => {
    expect(isStraightLined(four, { q1: 0, q2: 0, q3: 1, q4: 0 })).toBe(false);
    expect(isStraightLined(four, { q1: 1, q2: 0, q3: 0, q4: 0 })).toBe(false);
  });

  it("never flags a survey with fewer than 3 closed questions", () => {
    const two = [scale("q1"), single("q2"), multiple, text];
    expect(isStraightLined(two, { q1: 0, q2: 0, m: [0], t: "x" })).toBe(false);
    expect(isStraightLined([multiple, text], { m: [0] })).toBe(false);
  });

  it("counts answered optional questions only, and needs at least 3 of them", () => {
    const optional = [scale("q1", false), scale("q2", false), scale("q3", false), scale("q4", false)];
    expect(isStraightLined(optional, { q1: 1, q2: 1, q4: 1 })).toBe(true);
    expect(isStraightLined(optional, { q1: 1, q2: 1 })).toBe(false);
    expect(isStraightLined(optional, {})).toBe(false);
  });

  it("flags exactly 3 identical answers on a 3-question survey", () => {
    const three = [scale("a"), scale("b"), scale("c")];
    expect(isStraightLined(three, { a: 0, b: 0, c: 0 })).toBe(true);
    expect(isStraightLined(three, { a: 0, b: 0, c: 1 })).toBe(false);
  });
});
