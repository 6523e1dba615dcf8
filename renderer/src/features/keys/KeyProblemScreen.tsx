import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyState } from '../../../../shared/domain/keys.ts';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { describeError } from '../../app/errors.ts';
import { keyFieldMessage } from './key-errors.ts';

type Problem = Exclude<KeyState, { status: 'ready' }>;

const TEXTS = {
  missing: ['screen.missingTitle', 'screen.missingText'],
  mismatch: ['screen.mismatchTitle', 'screen.mismatchText'],
  keyDamaged: ['screen.damagedTitle', 'screen.damagedText'],
  keychainUnavailable: ['screen.unavailableTitle', 'screen.unavailableText'],
  weakKeychain: ['screen.weakTitle', 'screen.weakText'],
} as const;

const kindOf = (problem: Problem) => (problem.status === 'unavailable' ? problem.reason : problem.status);

/** The recovery key, typed in: the journal opens here when it is the journal's own. */
const RecoverForm = () => {
  const { t } = useTranslation(['keys', 'errors']);
  const { setKeys } = useAppState();
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await client.call('keys.recover', { recoveryKey: typed });
    if (result.ok) return setKeys(result.value);
    setFieldError(keyFieldMessage(t, result.error, 'recoveryKey') ?? describeError(t, result.error));
  };

  return (
    <Stack component="form" spacing={2} onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField
        label={t('screen.recoveryKeyLabel')}
        helperText={fieldError ?? t('screen.recoveryKeyHelp')}
        error={fieldError !== undefined}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoComplete="off"
        multiline
        minRows={2}
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
      />
      <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
        {t('screen.open')}
      </Button>
    </Stack>
  );
};

/** No secure keychain: the person chooses the weaker file key, or stops. */
const WeakKeychainChoice = () => {
  const { t } = useTranslation(['keys', 'errors']);
  const { setKeys } = useAppState();
  const [error, setError] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);

  const useFile = async () => {
    const result = await client.call('keys.useFileKey', {});
    if (result.ok) setKeys(result.value);
    else setError(describeError(t, result.error));
  };
  const stop = () => {
    setStopped(true);
    // Closing the desk's only window quits the desktop app; a browser tab may refuse, hence the message.
    window.close();
  };

  if (stopped) return <Alert severity="info">{t('screen.stopped')}</Alert>;
  return (
    <Stack spacing={2}>
      <Typography>{t('screen.weakChoice')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Button variant="outlined" onClick={() => void useFile()}>
          {t('screen.useFile')}
        </Button>
        <Button variant="contained" onClick={stop}>
          {t('screen.stop')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
};

/** Shown at start instead of the app when this desk does not have the journal's key, like the database's screen. */
export const KeyProblemScreen = ({ problem }: { problem: Problem }) => {
  const { t } = useTranslation('keys');
  const kind = kindOf(problem);
  const [title, text] = TEXTS[kind];
  return (
    <Box component="main" id="main" sx={{ p: 3, maxWidth: '50rem', mx: 'auto' }}>
      <Paper sx={{ p: 3 }}>
        <Alert severity={kind === 'weakKeychain' ? 'warning' : 'error'} sx={{ mb: 2 }}>
          <Typography variant="h1" component="h1">
            {t(title)}
          </Typography>
        </Alert>
        <Stack spacing={2}>
          <Typography>{t(text)}</Typography>
          {problem.status === 'mismatch' && (
            <Typography variant="body2">
              {t('screen.keyIds', { keyId: problem.keyId })}
              <br />
              {t('screen.foundKeyId', { keyId: problem.foundKeyId })}
            </Typography>
          )}
          {problem.status === 'missing' && problem.keyId && (
            <Typography variant="body2">{t('screen.keyIds', { keyId: problem.keyId })}</Typography>
          )}
          {kind === 'weakKeychain' && <WeakKeychainChoice />}
          {(kind === 'missing' || kind === 'mismatch' || kind === 'keyDamaged') && <RecoverForm />}
        </Stack>
      </Paper>
    </Box>
  );
};
