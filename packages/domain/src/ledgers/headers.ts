import { type AnyLedgerColumn, isSequence } from "./spec";

/**
 * Normalizes a header for matching: full-width forms to half-width (（）→ ()), no whitespace at all
 * (headers often wrap: "上次巡察\n时间"), no required-field marks (*), lower case.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[【〔]/g, "[")
    .replace(/[】〕]/g, "]")
    .replace(/^[*※]+|[*※]+$/g, "")
    .toLowerCase();
}

/** The header without its bracketed notes: "联系电话(手机)" → "联系电话". */
const withoutNotes = (normalized: string) => normalized.replace(/\([^)]*\)|\[[^\]]*\]/g, "");

/** Finds the column a header names: by header or synonym, exactly, then ignoring bracketed notes. */
export function matchHeader<C extends AnyLedgerColumn>(columns: readonly C[], header: string): C | undefined {
  const target = normalizeHeader(header);
  if (!target) return undefined;
  const names = (c: C) => [c.header, ...(c.synonyms ?? [])].map(normalizeHeader);
  const exact = columns.find((c) => names(c).includes(target));
  if (exact) return exact;
  const bare = withoutNotes(target);
  if (!bare) return undefined;
  return columns.find((c) => names(c).some((n) => withoutNotes(n) === bare));
}

export const columnId = (c: AnyLedgerColumn) => (isSequence(c) ? "#sequence" : c.key);
