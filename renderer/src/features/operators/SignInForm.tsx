import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { journalError } from '../journal/journal-errors.ts';
import { useOperator } from './OperatorProvider.tsx';

/**
 * Pick yourself, type your PIN or password. Also the quick switch between operators. A screen of its
 * own (its title the h1), or `inSection` of another screen (Home: the locked desk), under its h2.
 */
export const SignInForm = ({ inSection = false }: { inSection?: boolean }) => {
  const { t } = useTranslation('journal');
  const { status, refresh } = useOperator();
  const operators = status?.operators ?? [];
  const [operatorId, setOperatorId] = useState(operators.length === 1 ? (operators[0]?.id ?? '') : '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = operators.find((operator) => operator.id === operatorId);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!operatorId) return setError(t('signIn.chooseOperator'));
    const result = await client.call('journal.signIn', { operatorId, secret });
    setSecret('');
    if (result.ok) return void refresh();
    setError(journalError(t, result.error));
  };

  return (
    <Stack
      component="form"
      spacing={3}
      sx={{ maxWidth: '36rem' }}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      {inSection ? (
        <Typography variant="h3" component="h3">
          {t('signIn.title')}
        </Typography>
      ) : (
        <ScreenTitle>{t('signIn.title')}</ScreenTitle>
      )}
      <FormControl>
        <FormLabel id="sign-in-operator">{t('signIn.who')}</FormLabel>
        <RadioGroup
          aria-labelledby="sign-in-operator"
          value={operatorId}
          onChange={(event) => setOperatorId(event.target.value)}
        >
          {operators.map((operator) => (
            <FormControlLabel
              key={operator.id}
              value={operator.id}
              control={<Radio />}
              label={`${operator.name} (${t(`roles.${operator.role}`)})`}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        id="sign-in-secret"
        label={chosen?.secretKind === 'password' ? t('signIn.password') : t('signIn.pin')}
        type="password"
        autoComplete="off"
        value={secret}
        onChange={(event) => setSecret(event.target.value)}
        slotProps={{ htmlInput: { inputMode: chosen?.secretKind === 'password' ? 'text' : 'numeric' } }}
      />
      <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
        {t('signIn.submit')}
      </Button>
      <div role="status" aria-live="polite">
        {error && <Alert severity="error">{error}</Alert>}
      </div>
    </Stack>
  );
};
