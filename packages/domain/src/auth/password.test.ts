import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblems, verifyPassword } from "./password";

describe("password rules", () => {
  it("needs at least 10 characters", () => {
    expect(passwordProblems("Ab1!Ab1!A")).toEqual(["长度至少 10 位"]);
    expect(passwordProblems("Ab1!Ab1!Ab")).toEqual([]);
  });
  it("needs three of the four character classes", () => {
    expect(passwordProblems("abcdefghij12")).toHaveLength(1);
    expect(passwordProblems("abcdefgh1!")).toEqual([]);
    expect(passwordProblems("ABCDEFGH1a")).toEqual([]);
  });
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("Xuncha@2026!");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "Xuncha@2026!")).toBe(true);
    expect(await verifyPassword(hash, "xuncha@2026!")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});
