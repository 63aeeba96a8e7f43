import type { ReviewParty } from "@xuncha/domain/model";
import type { ReviewInput, Verdict } from "./review-api";

/** Every measure to review starts as a pass without opinion; the whole too. */
export function initialVerdicts(toReview: readonly string[]): Record<string, Verdict> {
  return Object.fromEntries(toReview.map((id) => [id, { decision: "pass", opinion: "" }]));
}

export type ReviewProblem = { kind: "whole" } | { kind: "measure"; id: string };

/**
 * The answer to send, or what is missing: a return needs an opinion (the machine refuses it
 * otherwise), and the answer covers exactly the measures the party has to review.
 */
export function buildReview(
  party: ReviewParty,
  version: number,
  toReview: readonly string[],
  whole: Verdict,
  measures: Readonly<Record<string, Verdict>>,
): { ok: true; input: ReviewInput } | { ok: false; problems: ReviewProblem[] } {
  const problems: ReviewProblem[] = [];
  const silent = (v: Verdict) => v.decision === "return" && v.opinion.trim() === "";
  if (silent(whole)) problems.push({ kind: "whole" });
  const chosen: Record<string, Verdict> = {};
  for (const id of toReview) {
    const v = measures[id] ?? { decision: "pass", opinion: "" };
    if (silent(v)) problems.push({ kind: "measure", id });
    chosen[id] = { decision: v.decision, opinion: v.opinion.trim() };
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    input: {
      party,
      version,
      whole: { decision: whole.decision, opinion: whole.opinion.trim() },
      measures: chosen,
    },
  };
}

/** How many returns the answer gives (shown before sending). */
export function countReturns(
  whole: Verdict,
  measures: Readonly<Record<string, Verdict>>,
  toReview: readonly string[],
) {
  return (
    (whole.decision === "return" ? 1 : 0) +
    toReview.filter((id) => measures[id]?.decision === "return").length
  );
}
