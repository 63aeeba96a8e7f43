import { TAXONOMY } from "@xuncha/domain/model";

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** Scheme → category options for the classification cascader (TAXONOMY.md). */
export function taxonomyOptions(): CascaderOption[] {
  return TAXONOMY.map((s) => ({
    value: s.key,
    label: s.name,
    children: s.categories.map((c) => ({ value: c.key, label: c.name })),
  }));
}

/** [scheme, category] from a cascader value, or undefined when incomplete or unknown. */
export function schemeAndCategory(path: unknown): { scheme: string; category: string } | undefined {
  if (!Array.isArray(path) || path.length !== 2) return undefined;
  const [scheme, category] = path as [unknown, unknown];
  if (typeof scheme !== "string" || typeof category !== "string") return undefined;
  const s = TAXONOMY.find((x) => x.key === scheme);
  return s?.categories.some((c) => c.key === category) ? { scheme, category } : undefined;
}
