import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretKind } from '../../../../shared/domain/journal/options.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { SecretFields } from './OperatorFields.tsx';

const EMPTY = { current: '', secretKind: 'pin' as SecretKind, secret: '' };

/** The signed-in operator changes their own PIN or password: the current one, then the new one. */
export const OwnSecretForm = () => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [form, setForm] = useState<typeof EMPTY | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const close = () => {
    setForm(null);
    setErrors({});
  };
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!form) return;
    const result = await call('operators.changeOwnSecret', form);
    if (result.ok) {
      close();
      return setMessage({ ok: true, text: t('ownSecret.saved') });
    }
    setErrors(journalFieldMessages(t, result.error));
    setMessage({ ok: false, text: journalError(t, result.error) });
  };
  return (
    <>
      {form ? (
        <Stack
          component="form"
          spacing={2}
          noValidate
          aria-labelledby="own-secret-title"
          onSubmit={(event) => void onSubmit(event)}
          sx={{ flexBasis: '100%', maxWidth: '32rem' }}
        >
          <Typography id="own-secret-title" variant="h2">
            {t('ownSecret.title')}
          </Typography>
          <TextField
            id="own-secret-current"
            label={t('ownSecret.current')}
            type="password"
            autoComplete="current-password"
            value={form.current}
            onChange={(event) => setForm({ ...form, current: event.target.value })}
            error={errors['current'] !== undefined}
            helperText={errors['current']}
          />
          <SecretFields
            value={form}
            onChange={(secret) => setForm({ ...form, ...secret })}
            id="own-secret-new"
            error={errors['secret']}
          />
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained">
              {t('ownSecret.save')}
            </Button>
            <Button variant="outlined" onClick={close}>
              {t('ownSecret.cancel')}
            </Button>
          </Stack>
        </Stack>
      ) : (
        <Button variant="outlined" onClick={() => (setForm(EMPTY), setMessage(null))}>
          {t('ownSecret.open')}
        </Button>
      )}
      {/* An alert (announced at once) rather than a status region, which screens' own messages use. */}
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} sx={{ flexBasis: '100%' }}>
          {message.text}
        </Alert>
      )}
    </>
  );
};
