import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';

const EMPTY = { codiceFiscale: '', lastName: '', firstName: '' };

/**
 * Arrivals on the day, one after another: the codice fiscale (names if the trainer types them),
 * Enter, and the person is on the roster — a known citizen at once, a new one registered with a
 * profile to complete later. Focus goes back into the empty code field for the next arrival.
 */
export const ArrivalByCode = ({ workshop, onAdded }: { workshop: Workshop; onAdded: (workshop: Workshop) => void }) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [said, setSaid] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const names = {
      ...(form.lastName.trim() ? { lastName: form.lastName } : {}),
      ...(form.firstName.trim() ? { firstName: form.firstName } : {}),
    };
    const result = await call('workshops.addByCodiceFiscale', {
      workshopId: workshop.id,
      codiceFiscale: form.codiceFiscale,
      ...names,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(journalFieldMessages(t, result.error));
      setSaid({ severity: 'error', text: journalError(t, result.error) });
      codeField.current?.focus();
      return;
    }
    const { workshop: updated, added } = result.value;
    const name = updated.participants.find((participant) => participant.citizenId === added.citizenId)?.name ?? '';
    onAdded(updated);
    setForm(EMPTY);
    setErrors({});
    setSaid({ severity: 'success', text: t(added.registered ? 'arrival.registered' : 'arrival.added', { name }) });
    codeField.current?.focus();
  };

  const field = (key: keyof typeof EMPTY) => ({
    id: `arrival-${key}`,
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
    error: Boolean(errors[key]),
    helperText: errors[key] ?? ' ',
  });

  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      aria-labelledby="arrival-title"
      onSubmit={(event) => void onSubmit(event)}
    >
      <Typography id="arrival-title" variant="h2">
        {t('arrival.title')}
      </Typography>
      <Typography>{t('arrival.help')}</Typography>
      <TextField
        {...field('codiceFiscale')}
        inputRef={codeField}
        label={t('arrival.codiceFiscale')}
        autoComplete="off"
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <TextField {...field('lastName')} label={t('arrival.lastName')} autoComplete="off" fullWidth />
        <TextField {...field('firstName')} label={t('arrival.firstName')} autoComplete="off" fullWidth />
      </Stack>
      <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
        {t('arrival.add')}
      </Button>
      <div role="status" aria-live="polite">
        {said && <Alert severity={said.severity}>{said.text}</Alert>}
      </div>
    </Stack>
  );
};
