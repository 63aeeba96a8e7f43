import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSolution, issueChallenge, leadingZeroBits, POW_TTL_MS, solveChallenge } from "./proof-of-work";

describe("proof of work", () => {
  const secret = randomBytes(32);

  it("counts leading zero bits", () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0x10, 0xff]))).toBe(11);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
  });

  it("accepts a solution and refuses a wrong nonce, a forged or expired challenge", () => {
    const now = 1_000_000;
    const { challenge, bits } = issueChallenge(secret, 10, now);
    const nonce = solveChallenge(challenge, bits);
    expect(checkSolution(secret, challenge, nonce, now)).toBe(true);
    const wrong = [...Array(50).keys()].map(String).find((n) => !checkSolution(secret, challenge, n, now))!;
    expect(checkSolution(secret, challenge, wrong, now)).toBe(false);
    expect(checkSolution(randomBytes(32), challenge, nonce, now)).toBe(false);
    const easier = challenge.replace(".10.", ".0.");
    expect(checkSolution(secret, easier, "0", now)).toBe(false);
    expect(checkSolution(secret, challenge, nonce, now + POW_TTL_MS + 1)).toBe(false);
  });
});
