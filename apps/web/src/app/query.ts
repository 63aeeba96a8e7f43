export type QueryValue = string | number | boolean | null | undefined;

/** Appends the defined, non-empty parameters to a path: withQuery("/x", {a: 1, b: ""}) → "/x?a=1". */
export function withQuery(path: string, params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.append(key, String(value));
  }
  const qs = search.toString();
  if (!qs) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${qs}`;
}
