import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { leadingZeroBits, sha256, solveChallenge } from "./pow";

describe("the page's SHA-256 and proof of work", () => {
  it("matches SHA-256 for short, block-sized and long inputs", () => {
    for (const s of ["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "x".repeat(200), "举报"]) {
      expect(Buffer.from(sha256(s)).toString("hex")).toBe(createHash("sha256").update(s).digest("hex"));
    }
  });

  it("finds a nonce the server accepts", async () => {
    const challenge = "abc.12.999.sig";
    const nonce = await solveChallenge(challenge, 12);
    expect(
      leadingZeroBits(createHash("sha256").update(`${challenge}:${nonce}`).digest()),
    ).toBeGreaterThanOrEqual(12);
  });
});
