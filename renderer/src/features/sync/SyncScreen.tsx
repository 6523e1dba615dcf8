import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { OrganisationSection } from './OrganisationSection.tsx';
import { ProblemList } from './ProblemList.tsx';
import { formatWhen, useSyncStatus } from './use-sync-status.ts';

/** Status in full, "Sync now", and every rejected or conflicting change with what a person can do about it. */
export const SyncScreen = () => {
  const { t, i18n } = useTranslation('sync');
  const loadedStatus = useSyncStatus();
  const status = loadedStatus.value;
  const [busy, setBusy] = useState(false);

  const syncNow = async () => {
    setBusy(true);
    await client.call('sync.now', {});
    setBusy(false);
  };

  const lastSuccess = formatWhen(status?.lastSuccessAt ?? null, i18n.language);
  const next = formatWhen(status?.nextAttemptAt ?? null, i18n.language);
  return (
    <>
      <ScreenTitle>{t('title')}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '60rem' }}>
        <LoadState load={loadedStatus} />
        {status && (
          <Stack spacing={1} component="section" aria-label={t('status.label')}>
            <Typography data-testid="sync-phase">{t(`phase.${status.phase}`)}</Typography>
            {status.enrolled && (
              <>
                <Typography>{t(status.online ? 'status.online' : 'status.offline')}</Typography>
                <Typography data-testid="sync-screen-unsent">{t('status.unsent', { count: status.unsent })}</Typography>
                <Typography>
                  {lastSuccess ? t('status.lastSuccess', { when: lastSuccess }) : t('status.never')}
                </Typography>
                {next && status.phase !== 'idle' && <Typography>{t('status.nextAttempt', { when: next })}</Typography>}
              </>
            )}
            {status.progress && (
              <div>
                <Typography id="sync-progress-label">{t('status.progress', status.progress)}</Typography>
                <LinearProgress
                  variant="determinate"
                  aria-labelledby="sync-progress-label"
                  value={status.progress.total === 0 ? 100 : (100 * status.progress.sent) / status.progress.total}
                />
              </div>
            )}
            {status.lastError && (
              <Alert severity={status.phase === 'blocked' ? 'error' : 'warning'}>
                {status.phase === 'blocked' && `${t('status.blocked')} — `}
                {t('status.lastError', { reason: t(`error.${status.lastError.code}`) })}
              </Alert>
            )}
            {status.enrolled && (
              <Button
                variant="contained"
                onClick={() => void syncNow()}
                disabled={busy}
                sx={{ alignSelf: 'flex-start' }}
              >
                {t('actions.syncNow')}
              </Button>
            )}
          </Stack>
        )}
        <OrganisationSection status={status} />
        <ProblemList status={status} />
      </Stack>
    </>
  );
};
