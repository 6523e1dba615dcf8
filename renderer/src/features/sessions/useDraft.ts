import { useCallback, useEffect, useRef, useState } from 'react';
import { useJournalCall } from '../journal/useJournal.ts';

const SAVE_DELAY_MS = 400;

/**
 * Saves the form as it is typed (a short pause after each change), so a crash or a restart loses
 * at most the last few keystrokes. A form equal to `baseline` (untouched) is not saved. Call
 * `settle()` right before the session itself is saved: a pending save must not bring back the
 * draft that the session's transaction removes.
 */
export const useDraft = (form: object, enabled: boolean, initialId: string | null, baseline: string) => {
  const call = useJournalCall();
  const [draftId, setDraftId] = useState<string | null>(initialId);
  const idRef = useRef(initialId);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!enabled || JSON.stringify(form) === baseline) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void call('drafts.save', { id: idRef.current, form: form as Record<string, unknown> }).then((result) => {
        if (result.ok && idRef.current === null) {
          idRef.current = result.value.id;
          setDraftId(result.value.id);
        }
      });
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [form, enabled, call, baseline]);

  const settle = useCallback(() => window.clearTimeout(timer.current), []);
  const forget = useCallback(() => {
    window.clearTimeout(timer.current);
    idRef.current = null;
    setDraftId(null);
  }, []);
  return { draftId, settle, forget };
};
