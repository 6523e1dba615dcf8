import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleRefusal, ConsoleSessionView } from '../../../shared/console/names.ts';
import { api, ApiError } from '../api.ts';
import { useFormat } from '../format.ts';
import { LanguagePicker } from '../LanguagePicker.tsx';

type Field = 'email' | 'password' | 'totp';

/** Sign-in; says why the last attempt (or the last session) ended: wrong, locked until when, expired. */
export const SignIn = ({
  reason,
  onSignedIn,
}: {
  reason: ConsoleRefusal | null;
  onSignedIn: (session: ConsoleSessionView) => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState({ email: '', password: '', totp: '' });
  const [needsTotp, setNeedsTotp] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(reason ? t(`refusal.${reason}`) : null);
  const [busy, setBusy] = useState(false);
  const refs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    totp: useRef<HTMLInputElement>(null),
  };

  const refusal = (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('refusal.failed');
    if (error.reason === 'locked')
      return t('refusal.locked', { time: format.time(String(error.details['lockedUntil'])) });
    if (error.reason === 'credentials' && typeof error.details['attemptsLeft'] === 'number')
      return t('refusal.credentialsLeft', { count: error.details['attemptsLeft'] });
    return error.reason ? t(`refusal.${error.reason}`) : t('refusal.failed');
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!values.email.trim()) missing.email = t('signIn.emailMissing');
    if (!values.password) missing.password = t('signIn.passwordMissing');
    if (needsTotp && !/^\d{6}$/.test(values.totp.trim())) missing.totp = t('signIn.totpMissing');
    setFieldErrors(missing);
    const first = (['email', 'password', 'totp'] as const).find((field) => missing[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await api<ConsoleSessionView>('POST', '/session', {
        email: values.email,
        password: values.password,
        ...(needsTotp ? { totp: values.totp.trim() } : {}),
      });
      onSignedIn(session);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'totpRequired') {
        setNeedsTotp(true);
        setTimeout(() => refs.totp.current?.focus());
      }
      setMessage(refusal(error));
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, props: Record<string, unknown> = {}) => (
    <TextField
      inputRef={refs[name]}
      name={name}
      label={label}
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      error={Boolean(fieldErrors[name])}
      helperText={fieldErrors[name] ?? (name === 'totp' ? t('signIn.totpHelp') : undefined)}
      fullWidth
      required
      {...props}
    />
  );

  return (
    <Box component="main" id="main" sx={{ p: 2, display: 'flex', justifyContent: 'center' }}>
      <Paper sx={{ p: 3, width: '100%', maxWidth: '34rem', display: 'grid', gap: 2 }}>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguagePicker />
        </Box>
        <Typography variant="h1">{t('signIn.title')}</Typography>
        <Typography>{t('signIn.intro')}</Typography>
        {message && (
          <Alert severity="warning" role="alert">
            {message}
          </Alert>
        )}
        <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'grid', gap: 2 }}>
          {field('email', t('signIn.email'), { type: 'email', autoComplete: 'username' })}
          {field('password', t('signIn.password'), { type: 'password', autoComplete: 'current-password' })}
          {needsTotp && field('totp', t('signIn.totp'), { inputMode: 'numeric', autoComplete: 'one-time-code' })}
          <Button type="submit" variant="contained" disabled={busy}>
            {t('signIn.submit')}
          </Button>
        </Box>
      </Paper>
    </Box>
  );
};
