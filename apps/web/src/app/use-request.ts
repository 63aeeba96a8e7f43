import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "./api-client";
import type { ApiError } from "./api-error";
import { notifyError } from "./notify";
import type { QueryValue } from "./query";

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (data: T | undefined) => void;
}

/**
 * GETs `path` (with `query`) and re-fetches when either changes; `null` skips the call.
 * The last response wins; errors are kept for display in the page (not toasted).
 */
export function useRequest<T>(path: string | null, query?: Record<string, QueryValue>): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}|${JSON.stringify(query ?? {})}`;
  const queryRef = useRef(query);
  queryRef.current = query;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key captures path and query
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, queryRef.current, controller.signal)
      .then((result) => {
        setData(result);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e as ApiError);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}

/**
 * Wraps an async action: tracks pending, shows the error's Chinese message, and returns
 * whether the action succeeded.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async <R>(action: () => Promise<R>): Promise<{ ok: true; value: R } | { ok: false }> => {
      setPending(true);
      try {
        const value = await action();
        return { ok: true, value };
      } catch (e) {
        notifyError(e);
        return { ok: false };
      } finally {
        setPending(false);
      }
    },
    [],
  );
  return { run, pending };
}
