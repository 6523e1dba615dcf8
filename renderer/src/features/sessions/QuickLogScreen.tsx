import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  durationText,
  OUTCOMES,
  QUICK_DEFAULT_DURATION,
  QUICK_DURATIONS,
  type Outcome,
} from '../../../../shared/domain/journal/options.ts';
import { SE6_SERVICE_AREAS, type Se6ServiceArea } from '../../../../shared/facilita/codes.ts';
import { formatDay } from '../../../../shared/i18n/format-day.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useSaveAttempt } from '../../app/use-save-attempt.ts';
import { CitizenPicker, type PickedCitizen } from '../citizens/CitizenPicker.tsx';
import { RecentCitizens } from '../citizens/RecentCitizens.tsx';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { DuplicateDialog, duplicateMatchOf, type DuplicateMatch } from './DuplicateDialog.tsx';
import { NoCitizenDialog, noCitizenCase, type NoCitizenCase } from './NoCitizenDialog.tsx';

/** A button group where the chosen one is pressed (aria-pressed), big enough for a busy counter. */
const Choices = <T extends string | number>({
  label,
  values,
  chosen,
  onChoose,
  text,
}: {
  label: string;
  values: readonly T[];
  chosen: T | null;
  onChoose: (value: T) => void;
  text: (value: T) => string;
}) => (
  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
    <Typography component="legend" variant="h2" sx={{ mb: 1 }}>
      {label}
    </Typography>
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {values.map((value) => (
        <Button
          key={String(value)}
          variant={chosen === value ? 'contained' : 'outlined'}
          aria-pressed={chosen === value}
          onClick={() => onChoose(value)}
        >
          {text(value)}
        </Button>
      ))}
    </Box>
  </Box>
);

/**
 * Quick log for the counter: service area, outcome and duration, saved with "save and new" —
 * at most three interactions (outcome and duration start on the most common answer). The citizen
 * is optional: a codice fiscale typed or scanned (the scanner's Enter applies it), or one of
 * today's citizens; without one, a line says the entry will not reach Facilita, and a code typed
 * but not applied is asked about at save.
 */
const QuickLog = () => {
  const { t, i18n } = useTranslation('journal');
  const call = useJournalCall();
  const { status } = useOperator();
  const today = status?.today ?? new Date().toISOString().slice(0, 10);
  const [area, setArea] = useState<Se6ServiceArea | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const [minutes, setMinutes] = useState<number>(QUICK_DEFAULT_DURATION);
  const [date, setDate] = useState(today);
  const [feedback, setFeedback] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [saved, setSaved] = useState(0);
  const [citizen, setCitizen] = useState<PickedCitizen | null>(null);
  const [typedCode, setTypedCode] = useState('');
  const [askNoCitizen, setAskNoCitizen] = useState<NoCitizenCase | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<DuplicateMatch | null | undefined>(undefined);
  const recent = useLoad(() => call('citizens.recent', {}), [saved]);

  const { saving, run } = useSaveAttempt();

  const saveAndNew = async (confirmed: { noCitizen?: boolean; duplicate?: boolean } = {}) => {
    if (!area) return setFeedback({ severity: 'error', text: t('quick.chooseArea') });
    // Nothing typed: three interactions as ever, the line on screen said it will not reach Facilita.
    if (noCitizenCase(citizen, typedCode) === 'unapplied' && !confirmed.noCitizen) return setAskNoCitizen('unapplied');
    setAskNoCitizen(null);
    setDuplicateOf(undefined);
    const result = await run((attemptId) =>
      call('sessions.create', {
        attemptId,
        citizenId: citizen?.id ?? null,
        confirmDuplicate: confirmed.duplicate ?? false,
        date,
        duration: durationText(minutes),
        serviceTypes: ['A'],
        // Using a public digital service is DigComp 2.2 competence 6 (citizenship through digital technologies).
        competences: [6],
        serviceAreas: [area],
        outcome,
        quick: true,
      }),
    );
    if (!result) return;
    if (!result.ok) {
      if (result.error.details?.['reason'] === 'duplicate')
        return setDuplicateOf(duplicateMatchOf(result.error.details));
      const fields = journalFieldMessages(t, result.error);
      return setFeedback({ severity: 'error', text: fields['date'] ?? journalError(t, result.error) });
    }
    setSaved((count) => count + 1);
    const savedText = t('quick.saved', {
      area: t(`codes.se6.${area}`),
      count: saved + 1,
      date: formatDay(date, i18n.language),
    });
    const whose = citizen ? t('quick.savedFor', { name: citizen.name }) : t('quick.savedNoCitizen');
    setFeedback({ severity: 'success', text: `${savedText} ${whose}` });
    // A new entry starts as the first did: today, no citizen, not the day the last one was backdated to.
    setArea(null);
    setOutcome('resolved');
    setMinutes(QUICK_DEFAULT_DURATION);
    setDate(today);
    setCitizen(null);
    setTypedCode('');
  };

  return (
    <>
      <ScreenTitle>{t('quick.title')}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '60rem' }}>
        <Typography>{t('quick.intro')}</Typography>
        <Stack spacing={2}>
          <Typography variant="h2">{t('quick.citizen')}</Typography>
          {/* A new picker for each entry: the last entry's code is not left in the field. */}
          <CitizenPicker
            key={saved}
            value={citizen}
            onChange={setCitizen}
            applyOnFind
            onTyped={setTypedCode}
            label={t('quick.citizen')}
          />
          {!citizen && recent.value && <RecentCitizens citizens={recent.value} onChoose={setCitizen} />}
          {!citizen && (
            <Alert severity="warning" role="note">
              {t('quick.noCitizen')}
            </Alert>
          )}
        </Stack>
        <Choices
          label={t('quick.area')}
          values={SE6_SERVICE_AREAS}
          chosen={area}
          onChoose={setArea}
          text={(code) => t(`codes.se6.${code}`)}
        />
        <Choices
          label={t('quick.outcome')}
          values={OUTCOMES}
          chosen={outcome}
          onChoose={setOutcome}
          text={(code) => t(`outcomes.${code}`)}
        />
        <Choices
          label={t('quick.duration')}
          values={QUICK_DURATIONS}
          chosen={minutes}
          onChoose={setMinutes}
          text={(value) => t('quick.minutes', { count: value })}
        />
        <TextField
          id="quick-date"
          type="date"
          label={t('session.date')}
          value={date}
          onChange={(event) => setDate(event.target.value)}
          helperText={t('session.dateHelp', { days: status?.backdateDays ?? 0 })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ maxWidth: '16rem' }}
        />
        <Button
          variant="contained"
          size="large"
          sx={{ alignSelf: 'flex-start' }}
          disabled={saving}
          onClick={() => void saveAndNew()}
        >
          {t('quick.saveAndNew')}
        </Button>
        <div role="status" aria-live="polite">
          {feedback && <Alert severity={feedback.severity}>{feedback.text}</Alert>}
        </div>
      </Stack>
      <NoCitizenDialog
        ask={askNoCitizen}
        onBack={() => setAskNoCitizen(null)}
        onConfirm={() => void saveAndNew({ noCitizen: true })}
      />
      <DuplicateDialog
        open={duplicateOf !== undefined}
        match={duplicateOf ?? null}
        onCancel={() => setDuplicateOf(undefined)}
        onConfirm={() => void saveAndNew({ noCitizen: true, duplicate: true })}
      />
    </>
  );
};

export const QuickLogScreen = QuickLog;
