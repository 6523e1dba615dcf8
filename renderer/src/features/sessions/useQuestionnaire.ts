import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireView } from '../../../../shared/domain/journal/questionnaire.ts';
import { client } from '../../api/client.ts';
import { journalError } from '../journal/journal-errors.ts';

/**
 * A questionnaire kept current by the core's `questionnaire.changed` events: the citizen's page
 * and the operator's form both use it, so answers given on one show on the other at once.
 */
export const useQuestionnaire = (id: string | undefined, onChange?: (view: QuestionnaireView) => void) => {
  const { t } = useTranslation('journal');
  const [view, setView] = useState<QuestionnaireView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest callback, without subscribing again on every render of the caller.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    if (!id) return;
    let fromEvent = false;
    // Listen first, then load: an event that arrives meanwhile is newer than the answer.
    const off = client.on('questionnaire.changed', (payload) => {
      const next = payload as QuestionnaireView;
      if (next.id !== id) return;
      fromEvent = true;
      setView(next);
      changed.current?.(next);
    });
    void client.call('questionnaire.get', { id }).then((result) => {
      if (!result.ok) setError(journalError(t, result.error));
      else if (!fromEvent) setView(result.value);
    });
    return off;
  }, [id, t]);
  return { view, error };
};
