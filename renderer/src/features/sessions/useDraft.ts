import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/contract/result.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { dropCopy, keepCopy, pageCopyKey } from './draft-copy.ts';

const SAVE_DELAY_MS = 400;
/** While the core does not answer, the last form is sent again this often (it may come back). */
const RETRY_MS = 5000;

export interface DraftState {
  /** The draft as the core holds it; null until a first save succeeded. */
  draftId: string | null;
  /** Why the last save failed (the form is then not saved); null once one succeeds. */
  failure: AppError | null;
  /** Whether the page keeps its own encrypted copy of what the core could not save. */
  copyKept: boolean;
}

/**
 * Saves the form as it is typed (a short pause after each change), so a crash or a restart loses
 * at most the last few keystrokes; each change is also kept in the page's encrypted copy
 * (draft-copy.ts) until the core has it, so typing on while the core is gone loses nothing. A form
 * equal to `baseline` (untouched) is not saved. The draft's id is made here, so the core and the
 * copy name the same draft. Call `settle()` right before the session itself is saved: a pending
 * save must not bring back the draft that the session's transaction removes.
 */
export const useDraft = (form: object, enabled: boolean, initialId: string | null, baseline: string) => {
  const call = useJournalCall();
  const operatorId = useOperator().status?.signedIn?.id ?? null;
  const [state, setState] = useState<DraftState>({ draftId: initialId, failure: null, copyKept: false });
  const idRef = useRef(initialId ?? uuidv7());
  const latest = useRef(form);
  const timer = useRef<number | undefined>(undefined);
  const key = useRef<CryptoKey | null>(null);

  useEffect(() => {
    if (operatorId) void pageCopyKey(call, operatorId).then((found) => (key.current = found));
  }, [call, operatorId]);

  // The copy's writes and removals happen in the order they were asked for.
  const copies = useRef<Promise<unknown>>(Promise.resolve());
  const inTurn = useCallback((step: () => unknown) => (copies.current = copies.current.then(step, step)), []);
  const stop = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stop();
    };
  }, [stop]);

  const saveNow = useCallback(async () => {
    timer.current = undefined;
    const id = idRef.current;
    const typed = latest.current;
    const result = await call('drafts.save', { id, form: typed as Record<string, unknown> });
    // Forgotten meanwhile (saved as a session, discarded) or the form is gone: nothing more to do.
    if (idRef.current !== id || !mounted.current) return;
    if (result.ok) {
      inTurn(() => latest.current === typed && dropCopy(id));
      return setState({ draftId: id, failure: null, copyKept: false });
    }
    setState((current) => ({ ...current, failure: result.error }));
    timer.current ??= window.setTimeout(() => void saveNow(), RETRY_MS);
  }, [call, inTurn]);

  useEffect(() => {
    if (!enabled || JSON.stringify(form) === baseline) return;
    latest.current = form;
    const id = idRef.current;
    inTurn(async () => {
      if (idRef.current !== id || !key.current) return;
      const kept = await keepCopy(key.current, id, form);
      setState((current) => ({ ...current, copyKept: kept }));
    });
    stop();
    timer.current = window.setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    return stop;
  }, [form, enabled, baseline, saveNow, inTurn, stop]);

  const forget = useCallback(() => {
    stop();
    const id = idRef.current;
    idRef.current = uuidv7();
    inTurn(() => dropCopy(id));
    setState({ draftId: null, failure: null, copyKept: false });
  }, [inTurn, stop]);
  return { ...state, settle: stop, forget };
};
