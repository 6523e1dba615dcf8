import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import type { DatabaseState, RecoverDatabaseInput } from '../../../../shared/domain/app.ts';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { describeError } from '../../app/errors.ts';
import { useFormats } from '../../i18n/use-formats.ts';

type Problem = Exclude<DatabaseState, { status: 'ok' }>;

/** Shown instead of the app when the database cannot be used; explains, and offers the safe ways out. */
export const DatabaseProblemScreen = ({ problem }: { problem: Problem }) => {
  const { t } = useTranslation(['database', 'errors']);
  const formats = useFormats();
  const { setDatabase, setKeys } = useAppState();
  const [error, setError] = useState<AppError | null>(null);

  const recover = async (input: RecoverDatabaseInput) => {
    const result = await client.call('database.recover', input);
    if (!result.ok) return setError(result.error);
    // A restored backup may be under a key this desk does not have: the key screen comes next.
    const info = await client.call('app.info', {});
    if (info.ok) setKeys(info.value.keys);
    setDatabase(result.value);
  };

  return (
    <Box component="main" id="main" sx={{ p: 3, maxWidth: '50rem', mx: 'auto' }}>
      <Paper sx={{ p: 3 }}>
        <Alert severity="error" sx={{ mb: 2 }}>
          <Typography variant="h1" component="h1">
            {t(problem.status === 'tooNew' ? 'tooNewTitle' : 'damagedTitle')}
          </Typography>
        </Alert>
        {problem.status === 'tooNew' ? (
          <Stack spacing={2}>
            <Typography>
              {t('tooNewText', { found: problem.foundVersion, supported: problem.supportedVersion })}
            </Typography>
            <Typography>{t('tooNewWhat')}</Typography>
            <Typography sx={{ overflowWrap: 'anywhere' }}>{t('file', { file: problem.file })}</Typography>
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Typography>{t('damagedText')}</Typography>
            <Typography sx={{ overflowWrap: 'anywhere' }}>{t('file', { file: problem.file })}</Typography>
            <Typography variant="body2">{t('reason', { reason: problem.reason })}</Typography>
            <Typography variant="h2">{t('backupsTitle')}</Typography>
            {problem.backups.length === 0 && <Typography>{t('noBackups')}</Typography>}
            {problem.backups.map((backup) => (
              <Button
                key={backup.name}
                variant="contained"
                sx={{ alignSelf: 'flex-start' }}
                onClick={() => void recover({ action: 'restoreBackup', backup: backup.name })}
              >
                {t('restoreBackup', { date: formats.moment(backup.createdAt) })}
              </Button>
            ))}
            <Typography>{t('startEmptyWarning')}</Typography>
            <Button
              variant="outlined"
              sx={{ alignSelf: 'flex-start' }}
              onClick={() => void recover({ action: 'startEmpty' })}
            >
              {t('startEmpty')}
            </Button>
            {error && <Alert severity="error">{describeError(t, error)}</Alert>}
          </Stack>
        )}
      </Paper>
    </Box>
  );
};
