import type { FindingItem } from "../findings/api";

/** A finding as the staff name it: its number in the round and its title (never its id). */
export const findingLabel = (f: Pick<FindingItem, "number" | "title">) => `第 ${f.number} 号 ${f.title}`;

/**
 * What a typed search matches locally: every word in the title or the target's name, or, for a
 * number (12, 第12号, 第 12 号), the findings whose number starts with it (as the staff type it).
 */
export function findingMatches(f: Pick<FindingItem, "number" | "title" | "target">, input: string) {
  const words = input
    .toLowerCase()
    .replace(/第\s*(\d+)\s*号?/g, " $1 ")
    .split(/\s+/)
    .filter(Boolean);
  const text = `${f.title} ${f.target.name}`.toLowerCase();
  return words.every((w) => (/^\d+$/.test(w) && String(f.number).startsWith(w)) || text.includes(w));
}
