import { useRef, useState } from 'react';
import { uuidv7 } from '../../../shared/ids/uuid7.ts';

/**
 * One save at a time, each with its own attempt id. A second click while a save is under way does
 * nothing (and the button shows it is busy); the attempt id travels with a create, so even a save
 * sent twice — a retry after a lost answer — saves one record. A new id is made only after a save
 * succeeded: a refused save keeps its id, and correcting and sending again is the same attempt.
 */
export const useSaveAttempt = () => {
  const busy = useRef(false);
  const attempt = useRef(uuidv7());
  const [saving, setSaving] = useState(false);

  const run = async <T extends { ok: boolean }>(save: (attemptId: string) => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setSaving(true);
    try {
      const result = await save(attempt.current);
      if (result.ok) attempt.current = uuidv7();
      return result;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };
  return { saving, run };
};
