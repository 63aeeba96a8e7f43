import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, hashConductCode, newConductCode, normalizeConductCode } from "./conduct-code";

describe("conduct codes", () => {
  it("are 16 characters of the unambiguous alphabet, in groups of four", () => {
    const code = newConductCode();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const chars = normalizeConductCode(code);
    expect(chars).toHaveLength(16);
    for (const ch of chars) expect(CODE_ALPHABET).toContain(ch);
    expect(CODE_ALPHABET).not.toMatch(/[IL0O1]/);
  });
  it("hash the same however the code is typed, and differ between codes", () => {
    const code = newConductCode();
    expect(hashConductCode(code)).toBe(hashConductCode(` ${code.toLowerCase().replaceAll("-", " ")} `));
    expect(hashConductCode(code)).toMatch(/^[0-9a-f]{64}$/);
    const many = new Set(Array.from({ length: 500 }, () => newConductCode()));
    expect(many.size).toBe(500);
  });
});
