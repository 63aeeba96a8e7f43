/**
 * Display formats of UX.md: YYYY-MM-DD in tables, 2026年11月22日 in documents, counts with their
 * measure word. Pure string work (no Date parsing of plain dates, so no time-zone shift).
 */
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

function toDateParts(value: string | Date | null | undefined): [string, string, string] | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return [
      String(value.getFullYear()),
      String(value.getMonth() + 1).padStart(2, "0"),
      String(value.getDate()).padStart(2, "0"),
    ];
  }
  // A timestamp with a zone is shown in the browser's local day; a plain date as written.
  if (/T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) return toDateParts(new Date(value));
  const m = DATE_PREFIX.exec(value);
  return m ? [m[1]!, m[2]!, m[3]!] : null;
}

/** 2026-11-22, or "—" when there is no date. */
export function formatDate(value: string | Date | null | undefined): string {
  const p = toDateParts(value);
  return p ? p.join("-") : "—";
}

/** 2026年11月22日 (no leading zeros), or "—". */
export function formatDateCn(value: string | Date | null | undefined): string {
  const p = toDateParts(value);
  return p ? `${Number(p[0])}年${Number(p[1])}月${Number(p[2])}日` : "—";
}

/** 2026-11-22 14:05 in the browser's time zone, or "—". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return "—";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A count with its measure word: count(3, "个问题") → "3 个问题". */
export function count(n: number | null | undefined, measure: string): string {
  return `${(n ?? 0).toLocaleString("zh-CN")} ${measure}`;
}

/** Bytes as 1.2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Whole days from `today` to `date` (negative when past); both YYYY-MM-DD. */
export function daysUntil(date: string, today: string): number {
  const a = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const b = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  return Math.round((a - b) / 86_400_000);
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export const todayIso = () => formatDate(new Date());
