import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, hashOneTimeCode, newOneTimeCode, normalizeOneTimeCode } from "./one-time-code";

describe("one-time codes", () => {
  it("are 16 characters of the unambiguous alphabet, in groups of four", () => {
    const code = newOneTimeCode();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const chars = normalizeOneTimeCode(code);
    expect(chars).toHaveLength(16);
    for (const ch of chars) expect(CODE_ALPHABET).toContain(ch);
    expect(CODE_ALPHABET).not.toMatch(/[IL0O1]/);
  });
  it("hash the same however the code is typed, and differ between codes", () => {
    const code = newOneTimeCode();
    expect(hashOneTimeCode(code)).toBe(hashOneTimeCode(` ${code.toLowerCase().replaceAll("-", " ")} `));
    expect(hashOneTimeCode(code)).toMatch(/^[0-9a-f]{64}$/);
    const many = new Set(Array.from({ length: 500 }, () => newOneTimeCode()));
    expect(many.size).toBe(500);
  });
});
