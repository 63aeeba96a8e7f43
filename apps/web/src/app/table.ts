/** Column helpers for antd tables: Chinese-aware sorting and filters from label maps. */
export function textSorter<T>(get: (row: T) => string | null | undefined) {
  return (a: T, b: T) => (get(a) ?? "").localeCompare(get(b) ?? "", "zh-CN");
}

export function numberSorter<T>(get: (row: T) => number | null | undefined) {
  return (a: T, b: T) => (get(a) ?? 0) - (get(b) ?? 0);
}

/** Filters for an enum column from its label map: [{text: "一般", value: "general"}, …]. */
export function labelFilters(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, text]) => ({ text, value }));
}

/** Distinct values of a column as filters (for names: groups, targets). */
export function valueFilters<T>(rows: readonly T[], get: (row: T) => string | null | undefined) {
  const values = [...new Set(rows.map(get).filter((v): v is string => !!v))].sort((a, b) =>
    a.localeCompare(b, "zh-CN"),
  );
  return values.map((v) => ({ text: v, value: v }));
}

/** The antd Table pagination total text: "共 12 个问题". */
export const totalText = (measure: string) => (total: number) => `共 ${total} ${measure}`;
