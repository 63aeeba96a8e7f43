import { describe, expect, it } from "vitest";
import { clueNumber } from "./decide-finding";

describe("clueNumber", () => {
  it("numbers clues by year, round and sequence", () => {
    expect(clueNumber(2026, 3, 7)).toBe("XC-2026-03-007");
    expect(clueNumber(2026, 12, 120)).toBe("XC-2026-12-120");
  });
});
