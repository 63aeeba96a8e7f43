import { describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH, type HashedFields } from "./record-audit";

const entry: HashedFields = {
  at: new Date("2026-11-23T08:00:00.000Z"),
  actorId: "11111111-1111-1111-1111-111111111111",
  actorName: "周文静",
  committeeId: null,
  action: "finding.approve",
  entity: "finding",
  entityId: "f1",
  summary: { a: 1 },
};

describe("auditHash", () => {
  it('uses SM3 as specified by GB/T 32905 (standard test vector for "abc")', async () => {
    const { createHash } = await import("node:crypto");
    expect(createHash("sm3").update("abc").digest("hex")).toBe(
      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
    );
  });

  it("is SM3 (64 hex digits), deterministic, and depends on the previous hash and every field", () => {
    const h = auditHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...entry })).toBe(h);
    expect(auditHash("1".repeat(64), entry)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, summary: { a: 2 } })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, actorName: "他人" })).not.toBe(h);
  });
});
