import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { AppError } from '../../../../shared/contract/result.ts';
import type { JournalStatus } from '../../../../shared/domain/journal/operators.ts';
import { client } from '../../api/client.ts';
import { useLoad } from '../../app/use-load.ts';

export interface OperatorState {
  /** null while loading (or when the core did not answer: then `error` says why). */
  status: JournalStatus | null;
  /** Why the last look at who is signed in failed; null once one succeeds. */
  error: AppError | null;
  refresh(): Promise<void>;
  lock(): Promise<void>;
}

const OperatorContext = createContext<OperatorState | null>(null);

export const useOperator = (): OperatorState => {
  const state = useContext(OperatorContext);
  if (!state) throw new Error('useOperator outside OperatorProvider');
  return state;
};

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Who is signed in at the desk, for every screen, and the auto-lock: after the site's idle time
 * without a key press or a click the desk locks itself (the core also refuses calls after it,
 * so a closed or frozen window cannot keep the desk open).
 */
export const OperatorProvider = ({ children }: { children: ReactNode }) => {
  const loaded = useLoad(() => client.call('journal.status', {}), []);
  const { value: status, error, reload: refresh } = loaded;
  const lastActivity = useRef(Date.now());

  const lock = useCallback(async () => {
    await client.call('journal.signOut', {});
    await refresh();
  }, [refresh]);

  const signedIn = status?.signedIn !== null && status?.signedIn !== undefined;
  const idleMinutes = status?.idleMinutes ?? 10;
  useEffect(() => {
    if (!signedIn) return;
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    lastActivity.current = Date.now();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > idleMinutes * 60_000) void lock();
    }, 15_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      window.clearInterval(timer);
    };
  }, [signedIn, idleMinutes, lock]);

  const value = useMemo(() => ({ status, error, refresh, lock }), [status, error, refresh, lock]);
  return <OperatorContext.Provider value={value}>{children}</OperatorContext.Provider>;
};
