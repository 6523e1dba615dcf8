import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; data: T };

/** Data a page shows, loaded on open and again on `reload` (after a change). */
export const useLoad = <T>(load: () => Promise<T>, deps: readonly unknown[]) => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const run = useCallback(load, deps);
  const reload = useCallback(
    () =>
      run().then(
        (data) => setLoaded({ state: 'ready', data }),
        (error: unknown) => setLoaded({ state: 'failed', error }),
      ),
    [run],
  );
  useEffect(() => void reload(), [reload]);
  return { loaded, reload };
};
