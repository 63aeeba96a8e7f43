import { createHash } from "node:crypto";

/**
 * The random draw's deterministic generator: the n-th value is the first 6 bytes (48 bits) of
 * SHA-256("<seed>:<n>"). Anyone holding the seed and the ordered candidates can recompute it.
 */
export function drawValue(seed: string, counter: number): number {
  return createHash("sha256").update(`${seed}:${counter}`).digest().readUIntBE(0, 6);
}

const RANGE = 2 ** 48;

/**
 * Picks `count` of the candidates (in the order given: the draw sorts them by id) with the seed: a
 * partial Fisher–Yates shuffle whose i-th swap index is uniform on [i, n) by rejection sampling
 * (values at or above the largest multiple of the bound are skipped, so no index is favoured).
 */
export function pickWithSeed(seed: string, candidates: readonly string[], count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new Error("count must be a non-negative integer");
  if (count > candidates.length) throw new Error("more picks than candidates");
  const pool = [...candidates];
  let counter = 0;
  for (let i = 0; i < count; i++) {
    const bound = pool.length - i;
    const limit = RANGE - (RANGE % bound);
    let value = drawValue(seed, counter++);
    while (value >= limit) value = drawValue(seed, counter++);
    const j = i + (value % bound);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

export interface DrawRecord {
  seed: string;
  candidates: readonly string[];
  count: number;
  picked: readonly string[];
}

export interface DrawReplay {
  /** What the seed picks from the recorded candidates. */
  replayed: string[];
  /** The recorded candidates are in id order, as the draw promises. */
  candidatesInOrder: boolean;
  /** The replay picks exactly the recorded people, in the same order, from candidates in order. */
  matches: boolean;
}

/** Replays a recorded draw and says whether it picked what it says it picked. */
export function replayDraw(record: DrawRecord): DrawReplay {
  const candidatesInOrder = record.candidates.every((c, i, all) => i === 0 || all[i - 1]! < c);
  const replayed =
    record.count <= record.candidates.length
      ? pickWithSeed(record.seed, record.candidates, record.count)
      : [];
  const matches =
    candidatesInOrder &&
    replayed.length === record.picked.length &&
    replayed.every((id, i) => id === record.picked[i]);
  return { replayed, candidatesInOrder, matches };
}
