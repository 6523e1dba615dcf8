import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { useAppState } from './app-state.tsx';

/** What happened to the person's files at start-up, said plainly, until they dismiss it. */
export const Notices = () => {
  const { t } = useTranslation();
  const { info, dismissNotice } = useAppState();
  if (info.notices.length === 0) return null;
  return (
    <Stack component="section" aria-label={t('notices.label')} spacing={1} sx={{ mb: 2 }}>
      {info.notices.map((notice) => (
        <Alert
          key={notice.id}
          severity="warning"
          action={
            <Button color="inherit" onClick={() => void dismissNotice(notice.id)}>
              {t('notices.dismiss')}
            </Button>
          }
        >
          <span style={{ overflowWrap: 'anywhere' }}>
            {t(`notices.${notice.kind}`, { keptAs: notice.keptAs ?? '' })}
          </span>
        </Alert>
      ))}
    </Stack>
  );
};
