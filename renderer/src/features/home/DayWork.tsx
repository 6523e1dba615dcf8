import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusLost } from '../../app/focus-lost.ts';
import { hrefOf } from '../../app/navigation.ts';
import { UnfinishedRuns } from '../guides/UnfinishedRuns.tsx';
import { FollowUpsDue } from './FollowUpsDue.tsx';
import { HomeCard } from './HomeCard.tsx';

/**
 * Home once the desk is set up and someone is signed in: start a visit (the journal's own routes),
 * and what is waiting — guides to resume, follow-ups to do.
 */
export const DayWork = () => {
  const { t } = useTranslation(['common', 'journal']);
  const [failure, setFailure] = useState<string | null>(null);
  const newVisit = useRef<HTMLAnchorElement>(null);
  // Signed in from Home itself, the form's button went away with the focus: the work continues at
  // a new visit. Opened otherwise, the screen's title has the focus already and keeps it.
  useEffect(() => {
    if (focusLost()) newVisit.current?.focus();
  }, []);

  return (
    <>
      <HomeCard id="home-today" title={t('home.todayTitle')}>
        <Typography sx={{ mb: 2 }}>{t('home.todayText')}</Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button ref={newVisit} variant="contained" size="large" href={hrefOf('journal/session')}>
            {t('journal:journal.newSession')}
          </Button>
          <Button variant="outlined" size="large" href={hrefOf('journal/quick')}>
            {t('journal:journal.quickLog')}
          </Button>
        </Stack>
      </HomeCard>
      {failure && (
        <Alert severity="error" role="alert">
          {failure}
        </Alert>
      )}
      <Paper sx={{ p: 2 }}>
        <UnfinishedRuns onError={setFailure} sayNone />
      </Paper>
      <FollowUpsDue />
    </>
  );
};
