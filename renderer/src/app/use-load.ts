import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/contract/result.ts';

export interface Load<T> {
  /** The last value loaded (kept while a reload runs), or null before the first answer. */
  value: T | null;
  /** A load is on its way. */
  loading: boolean;
  /** Why the last load failed; null again once one succeeds. */
  error: AppError | null;
  /** Loads again (after a change the screen made); resolves once the answer is shown. */
  reload(): Promise<void>;
  /**
   * Shows a newer value the screen already has (the answer to an action, an event): an answer
   * still on its way is older, so it is dropped.
   */
  set(value: T): void;
}

type Shown<T> = Pick<Load<T>, 'value' | 'loading' | 'error'>;

/**
 * "Call a method, show loading and error, reload": runs `load` when the screen opens and again
 * only when one of `inputs` changes (a route param, a search) — never because the loader's own
 * identity changed, which would wipe what is being typed. `load` null means nothing to load yet
 * (e.g. no id in the route). An answer that arrives after a newer load started is dropped.
 */
export const useLoad = <T>(load: (() => Promise<Result<T>>) | null, inputs: readonly unknown[]): Load<T> => {
  const [shown, setShown] = useState<Shown<T>>({ value: null, loading: load !== null, error: null });
  // The loader of the latest render, so a reload uses current state without being a reason to reload.
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const ticket = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    const current = latest.current;
    if (!current) return setShown((before) => ({ ...before, loading: false }));
    setShown((before) => (before.loading ? before : { ...before, loading: true }));
    const result = await current();
    if (mine !== ticket.current) return;
    setShown((before) =>
      result.ok
        ? { value: result.value, loading: false, error: null }
        : { value: before.value, loading: false, error: result.error },
    );
  }, []);

  const set = useCallback((value: T) => {
    ticket.current += 1;
    setShown({ value, loading: false, error: null });
  }, []);

  // Compared by content, so inputs may be written inline ([id], [filters]).
  const key = JSON.stringify(inputs);
  useEffect(() => {
    void reload();
    return () => {
      // Left the screen or the inputs changed: whatever is still on its way is no longer asked for.
      ticket.current += 1;
    };
  }, [reload, key]);

  return { ...shown, reload, set };
};

/** Several calls as one load: all their values, or the first failure. */
export const loadAll = async <T extends Record<string, Promise<Result<unknown>>>>(
  calls: T,
): Promise<Result<{ [K in keyof T]: T[K] extends Promise<Result<infer V>> ? V : never }>> => {
  const entries = await Promise.all(Object.entries(calls).map(async ([name, call]) => [name, await call] as const));
  const values: Record<string, unknown> = {};
  for (const [name, result] of entries) {
    if (!result.ok) return result;
    values[name] = result.value;
  }
  return { ok: true, value: values as { [K in keyof T]: T[K] extends Promise<Result<infer V>> ? V : never } };
};
