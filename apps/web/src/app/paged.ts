/** A page of a list endpoint. */
export interface Paged<T> {
  items: T[];
  total: number;
}

/** Lists come either as an array or as { items, total }; pages read both the same way. */
export function asPaged<T>(data: T[] | Paged<T> | undefined): Paged<T> {
  if (!data) return { items: [], total: 0 };
  if (Array.isArray(data)) return { items: data, total: data.length };
  return { items: data.items ?? [], total: data.total ?? data.items?.length ?? 0 };
}
