import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireView } from '../../../../shared/domain/journal/questionnaire.ts';
import { client } from '../../api/client.ts';
import { useLoad } from '../../app/use-load.ts';
import { journalError } from '../journal/journal-errors.ts';

/**
 * A questionnaire kept current by the core's `questionnaire.changed` events: the citizen's page
 * and the operator's form both use it, so answers given on one show on the other at once.
 */
export const useQuestionnaire = (id: string | undefined, onChange?: (view: QuestionnaireView) => void) => {
  const { t } = useTranslation('journal');
  const loaded = useLoad(id ? () => client.call('questionnaire.get', { id }) : null, [id]);
  const { set } = loaded;
  // The latest callback, without subscribing again on every render of the caller.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  // Subscribed in the same commit as the load starts, so no event is missed; an event that
  // arrives before the answer is newer than it, and set() drops the answer.
  useEffect(
    () =>
      client.on('questionnaire.changed', (payload) => {
        const next = payload as QuestionnaireView;
        if (next.id !== id) return;
        set(next);
        changed.current?.(next);
      }),
    [id, set],
  );
  return { view: loaded.value, error: loaded.error ? journalError(t, loaded.error) : null };
};
