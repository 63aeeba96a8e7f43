import { describe, expect, it } from "vitest";
import { drawValue, pickWithSeed, replayDraw } from "./draw-replay";

const ids = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, "0")}`);

describe("seeded draw", () => {
  it("the generator is SHA-256 of seed:counter, first 48 bits", () => {
    // sha256("abc:0") starts with these 6 bytes (computed independently with sha256sum).
    expect(drawValue("abc", 0)).toBe(0x5f36efce86f6);
    expect(drawValue("abc", 0)).not.toBe(drawValue("abc", 1));
    expect(drawValue("abc", 0)).toBeLessThan(2 ** 48);
  });

  it("the same seed and candidates pick the same people; another seed picks others", () => {
    const a = pickWithSeed("seed-1", ids, 5);
    expect(pickWithSeed("seed-1", ids, 5)).toEqual(a);
    expect(new Set(a).size).toBe(5);
    for (const id of a) expect(ids).toContain(id);
    expect(pickWithSeed("seed-2", ids, 5)).not.toEqual(a);
  });

  it("picking all candidates is a permutation; zero picks nothing; too many throws", () => {
    expect([...pickWithSeed("s", ids, ids.length)].sort()).toEqual(ids);
    expect(pickWithSeed("s", ids, 0)).toEqual([]);
    expect(() => pickWithSeed("s", ids, 21)).toThrow();
  });

  it("a longer draw starts with the shorter one (picks are made one after another)", () => {
    expect(pickWithSeed("s", ids, 8).slice(0, 3)).toEqual(pickWithSeed("s", ids, 3));
  });

  it("every candidate can be picked first (no position is favoured)", () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const [first] = pickWithSeed(`seed-${i}`, ids.slice(0, 5), 1);
      firsts.set(first!, (firsts.get(first!) ?? 0) + 1);
    }
    expect(firsts.size).toBe(5);
    for (const n of firsts.values()) expect(n).toBeGreaterThan(300);
  });
});

describe("replay", () => {
  const seed = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  const picked = pickWithSeed(seed, ids, 3);

  it("a faithful record matches", () => {
    expect(replayDraw({ seed, candidates: ids, count: 3, picked })).toEqual({
      replayed: picked,
      candidatesInOrder: true,
      matches: true,
    });
  });

  it("a record whose picks were changed does not match", () => {
    const other = ids.find((id) => !picked.includes(id))!;
    const forged = [other, ...picked.slice(1)];
    expect(replayDraw({ seed, candidates: ids, count: 3, picked: forged }).matches).toBe(false);
    expect(replayDraw({ seed, candidates: ids, count: 3, picked: [...picked].reverse() }).matches).toBe(
      false,
    );
  });

  it("a record with another seed, or candidates out of id order, does not match", () => {
    expect(replayDraw({ seed: `${seed}x`, candidates: ids, count: 3, picked }).matches).toBe(false);
    const shuffled = [ids[1]!, ids[0]!, ...ids.slice(2)];
    const r = replayDraw({ seed, candidates: shuffled, count: 3, picked: pickWithSeed(seed, shuffled, 3) });
    expect(r.candidatesInOrder).toBe(false);
    expect(r.matches).toBe(false);
  });

  it("a record claiming more picks than candidates does not match", () => {
    expect(replayDraw({ seed, candidates: ids.slice(0, 2), count: 3, picked: ids.slice(0, 3) }).matches).toBe(
      false,
    );
  });
});
