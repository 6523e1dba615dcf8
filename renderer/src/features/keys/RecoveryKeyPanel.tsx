import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { describeError } from '../../app/errors.ts';
import { keyFieldMessage } from './key-errors.ts';
import { RecoveryKeyStep } from './RecoveryKeyStep.tsx';

/**
 * For the coordinator of a desk whose recovery key was never handed over (set up before recovery
 * keys existed): the same step as at set-up, until it is confirmed; then it is gone for good.
 */
export const RecoveryKeyPanel = () => {
  const { t } = useTranslation(['keys', 'errors']);
  const { info, setKeys } = useAppState();
  const [part, setPart] = useState('');
  const [partError, setPartError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);

  if (info.keys.status !== 'ready' || (info.keys.recoveryConfirmed && !done)) return null;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await client.call('keys.recoveryKey.confirm', { part });
    if (!result.ok) return setPartError(keyFieldMessage(t, result.error, 'part') ?? describeError(t, result.error));
    setDone(true);
    setKeys(result.value);
  };

  return (
    <Stack
      component="form"
      aria-labelledby="recovery-key-panel"
      spacing={2}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <Typography id="recovery-key-panel" variant="h2">
        {t('panel.title')}
      </Typography>
      {done ? (
        <Alert severity="success">{t('panel.done')}</Alert>
      ) : (
        <>
          <Alert severity="warning">{t('panel.text')}</Alert>
          <RecoveryKeyStep part={part} onPartChange={setPart} partError={partError} />
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            {t('panel.confirm')}
          </Button>
        </>
      )}
    </Stack>
  );
};
