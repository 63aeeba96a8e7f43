import type { CellValue } from "exceljs";
import type { CellInput, CellParser, CellResult } from "./spec";

const ok = <V>(value: V): CellResult<V> => ({ ok: true, value });
const fail = <V>(error: string): CellResult<V> => ({ ok: false, error });

/** Normalizes an exceljs cell value: formulas give their result, rich text its text, blank text null. */
export function normalizeCell(value: CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return normalizeCell(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) return normalizeCell(value.text);
  if ("formula" in value || "sharedFormula" in value)
    return normalizeCell((value.result ?? null) as CellValue);
  if ("error" in value) return value.error;
  return null;
}

/** Excel day 0 (serial numbers count days from 1899-12-30, with the 1900 leap-year quirk folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso(y, m, d) : null;
}

const FULL_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;

/**
 * Reads a date as offices type it: a date cell, an Excel serial number, 2024-03-01, 2024/3/1,
 * 2024.3.1, 2024年3月1日, 20240301; with `allowMonth`, also 2024年3月 or 2024-03 (taken as the 1st).
 * Returns ISO YYYY-MM-DD, or null when the cell is invalid.
 */
export function toIsoDate(cell: Exclude<CellInput, null>, allowMonth = false): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return validDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231)
      return toIsoDate(String(cell), allowMonth);
    if (cell < 1 || cell > 73_051) return null;
    const date = new Date(EXCEL_EPOCH + Math.floor(cell) * DAY);
    return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof cell !== "string") return null;
  const text = cell.normalize("NFKC").trim();
  const full = FULL_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (full) return validDate(Number(full[1]), Number(full[2]), Number(full[3]));
  const month = allowMonth ? MONTH.exec(text) : null;
  if (month) return validDate(Number(month[1]), Number(month[2]), 1);
  return null;
}

/** Text: numbers are written out in full (phone numbers typed as numbers), dates as YYYY-MM-DD. */
export function textCell(options: { max?: number } = {}): CellParser<string> {
  return (cell) => {
    if (cell === null) return ok("");
    let text: string;
    if (cell instanceof Date) text = toIsoDate(cell) ?? "";
    else if (typeof cell === "boolean") text = cell ? "是" : "否";
    else text = String(cell).trim();
    if (options.max !== undefined && text.length > options.max)
      return fail(`内容过长（不超过 ${options.max} 个字）`);
    return ok(text);
  };
}

/** An optional date (null when blank). */
export function dateCell(options: { allowMonth?: boolean } = {}): CellParser<string | null> {
  return (cell) => {
    if (cell === null) return ok(null);
    const date = toIsoDate(cell, options.allowMonth ?? false);
    if (date) return ok(date);
    const shown = cell instanceof Date ? "该日期" : `“${String(cell)}”`;
    return fail(`${shown}不是有效的日期，应为 2024-03-01 或 2024年3月1日 这样的格式`);
  };
}

/** One value of a labelled set: the Chinese label, the code, or an alias; null when blank. */
export function choiceCell<K extends string>(
  labels: Record<K, string>,
  aliases: Partial<Record<string, K>> = {},
): CellParser<K | null> {
  const lookup = new Map<string, K>();
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  for (const key of Object.keys(labels) as K[]) {
    lookup.set(norm(key), key);
    lookup.set(norm(labels[key]), key);
  }
  for (const [alias, key] of Object.entries(aliases)) if (key) lookup.set(norm(alias), key);
  const allowed = Object.values<string>(labels).join("、");
  return (cell) => {
    if (cell === null) return ok(null);
    const key = lookup.get(norm(String(cell)));
    return key ? ok(key) : fail(`“${String(cell)}”不是可选的值，应为：${allowed}`);
  };
}

/** A whole number within bounds; null when blank. */
export function integerCell(options: { min?: number; max?: number } = {}): CellParser<number | null> {
  return (cell) => {
    if (cell === null) return ok(null);
    const n =
      typeof cell === "number"
        ? cell
        : typeof cell === "string"
          ? Number(cell.normalize("NFKC"))
          : Number.NaN;
    if (!Number.isInteger(n)) return fail(`“${String(cell)}”不是整数`);
    if (options.min !== undefined && n < options.min) return fail(`不能小于 ${options.min}`);
    if (options.max !== undefined && n > options.max) return fail(`不能大于 ${options.max}`);
    return ok(n);
  };
}

/** Writes an ISO date as a real Excel date (UTC midnight, as exceljs reads it back). */
export function isoToExcelDate(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}
