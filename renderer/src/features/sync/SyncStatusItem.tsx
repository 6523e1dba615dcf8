import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { formatWhen, useOnlineReporter, useSyncStatus } from './use-sync-status.ts';

/** The status bar's sync item: online/offline, unsent, last successful sync, last error — always visible. */
export const SyncStatusItem = () => {
  const { t, i18n } = useTranslation('sync');
  const loaded = useSyncStatus();
  const status = loaded.value;
  useOnlineReporter();
  // The status bar says nothing while loading; a failure it does say.
  if (loaded.error) return <LoadState load={loaded} />;
  if (!status) return null;
  const lastSuccess = formatWhen(status.lastSuccessAt, i18n.language);
  return (
    <Typography
      component="div"
      variant="body2"
      data-testid="sync-status"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}
    >
      {status.enrolled ? (
        <>
          {status.organisationName && (
            <span data-testid="sync-organisation">
              {t('status.connectedTo', { organisation: status.organisationName, site: status.siteName ?? '' })}
            </span>
          )}
          <span data-testid="sync-online">{t(status.online ? 'status.online' : 'status.offline')}</span>
          <span data-testid="sync-unsent">{t('status.unsent', { count: status.unsent })}</span>
          {status.progress && <span>{t('status.progress', status.progress)}</span>}
          <span>{lastSuccess ? t('status.lastSuccess', { when: lastSuccess }) : t('status.never')}</span>
          {status.exportConflicts > 0 && (
            <Link href={hrefOf('facilita')} data-testid="sync-export-conflicts">
              {t('status.exportConflicts', { count: status.exportConflicts })}
            </Link>
          )}
          {status.lastError && (
            <span data-testid="sync-error">
              {t('status.lastError', { reason: t(`error.${status.lastError.code}`) })}
            </span>
          )}
        </>
      ) : (
        <span>{t('status.notEnrolled')}</span>
      )}
      <Link href={hrefOf('sync')}>{t('nav')}</Link>
    </Typography>
  );
};
