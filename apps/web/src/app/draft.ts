/**
 * Drafts of long forms kept in the browser as people type (UX.md: "must not lose a line"),
 * per account and form; cleared on submit.
 */
export interface DraftStore {
  load<T>(key: string): T | undefined;
  save(key: string, value: unknown): void;
  clear(key: string): void;
}

export function draftStore(
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined,
): DraftStore {
  const full = (key: string) => `xuncha.draft.${key}`;
  return {
    load<T>(key: string) {
      try {
        const raw = storage?.getItem(full(key));
        if (!raw) return undefined;
        const parsed = JSON.parse(raw) as { savedAt: string; value: T };
        return parsed.value;
      } catch {
        return undefined;
      }
    },
    save(key, value) {
      try {
        storage?.setItem(full(key), JSON.stringify({ savedAt: new Date().toISOString(), value }));
      } catch {
        // storage full or disabled: the form still works, only without a draft
      }
    },
    clear(key) {
      try {
        storage?.removeItem(full(key));
      } catch {
        // ignore
      }
    },
  };
}

export const drafts = draftStore(typeof window === "undefined" ? undefined : window.localStorage);
