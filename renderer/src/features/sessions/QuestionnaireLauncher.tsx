import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Experience } from '../../../../shared/domain/journal/sessions.ts';
import { useAppState } from '../../app/app-state.tsx';
import { openCitizenWindow } from '../guides/citizen-window.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useQuestionnaire } from './useQuestionnaire.ts';

/**
 * The operator hands the experience questions to the citizen: the questionnaire opens on the
 * citizen view, and every answer given there lands in this form at once (and is saved with it).
 */
export const QuestionnaireLauncher = ({
  answers,
  onAnswers,
}: {
  /** What the form holds already: a questionnaire started again goes on from there. */
  answers: Experience | null;
  onAnswers: (answers: Experience) => void;
}) => {
  const { t } = useTranslation('journal');
  const { info } = useAppState();
  const call = useJournalCall();
  const [id, setId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const { view } = useQuestionnaire(id, (changed) => onAnswers(changed.answers));

  const start = async () => {
    // The window opens within the click; the core creates the questionnaire meanwhile. Always a
    // new one, from the form's answers: the previous one may be gone with a restart of the desk.
    const questionnaireId = call('questionnaire.start', answers ? { answers } : {}).then((started) => {
      if (!started.ok) {
        setError(journalError(t, started.error));
        return null;
      }
      setId(started.value.id);
      return started.value.id;
    });
    const opened = await openCitizenWindow(questionnaireId, 'questionnaire', info.mode === 'electron');
    if (opened) setError(null);
    else if ((await questionnaireId) !== null) setError(t('questionnaire.windowBlocked'));
  };

  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => void start()}>
        {t('questionnaire.start')}
      </Button>
      {view && (
        <Alert severity={view.state === 'finished' ? 'success' : 'info'} role="status">
          {t(view.state === 'finished' ? 'questionnaire.finished' : 'questionnaire.waiting')}
        </Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
};
