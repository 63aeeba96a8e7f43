import { describe, expect, it } from "vitest";
import type { VersionContent } from "./joint-review";
import { contentHash, type ReviewSubjectRow, validSignOff } from "./review-subject";

const content = (deadline: string): VersionContent => ({
  whole: { summary: "总体思路" },
  measures: [{ id: "m1", fields: { content: "清退", deadline, longTerm: false } }],
});

const subjectWith = (draft: unknown) => ({ draft }) as ReviewSubjectRow;

describe("the sign-off's content hash", () => {
  it("does not depend on the order of keys, and changes with any field", () => {
    const a = content("2099-01-31");
    const reordered: VersionContent = {
      measures: [{ id: "m1", fields: { longTerm: false, deadline: "2099-01-31", content: "清退" } }],
      whole: { summary: "总体思路" },
    };
    expect(contentHash(reordered)).toBe(contentHash(a));
    expect(contentHash(content("2099-02-01"))).not.toBe(contentHash(a));
    expect(contentHash({ ...a, whole: { summary: "总体思路。" } })).not.toBe(contentHash(a));
  });

  it("a sign-off holds for the content it was given on only", () => {
    const signed = content("2099-01-31");
    const signOff = {
      kind: "account",
      accountId: "a",
      name: "书记",
      at: "2026-12-01T00:00:00.000Z",
      fileId: null,
      hash: contentHash(signed),
    };
    const subject = subjectWith({ summary: "总体思路", signOff });
    expect(validSignOff(subject, signed)).toEqual(signOff);
    expect(validSignOff(subject, content("2099-03-31"))).toBeNull();
    expect(validSignOff(subjectWith({ summary: "总体思路" }), signed)).toBeNull();
  });
});
