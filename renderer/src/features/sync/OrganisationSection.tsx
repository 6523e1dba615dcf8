import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/domain/sync/status.ts';
import { EnrollmentForm } from './EnrollmentForm.tsx';

/**
 * The Sync screen's organisation: once connected, the organisation's and the site's names as the
 * hub gave them; and the connection itself (where a new user looks for it; Settings has it too).
 */
export const OrganisationSection = ({ status }: { status: SyncStatus | null }) => {
  const { t } = useTranslation('sync');
  const { organisationName, siteName } = status ?? {};
  return (
    <Stack spacing={2}>
      {status?.enrolled && organisationName && (
        <Stack spacing={1} component="section" aria-labelledby="organisation-title">
          <Typography id="organisation-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
            {t('organisation.title')}
          </Typography>
          <div data-testid="sync-organisation-names">
            <Typography>{t('organisation.name', { organisation: organisationName })}</Typography>
            <Typography>{t('organisation.site', { site: siteName ?? '' })}</Typography>
          </div>
        </Stack>
      )}
      <EnrollmentForm />
    </Stack>
  );
};
