import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { useLoad } from '../../app/use-load.ts';
import { localDate } from '../../../../shared/i18n/format-day.ts';
import { useFormats } from '../../i18n/use-formats.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { HomeCard } from './HomeCard.tsx';

/** Home lists the first few only; the journal's start lists them all and marks them done. */
const SHOWN = 5;

/**
 * The open follow-ups, soonest due first (as the core orders them), each opening its session; those
 * due today or already late are said so, the rest are ahead.
 */
export const FollowUpsDue = () => {
  const { t } = useTranslation(['common', 'journal']);
  const formats = useFormats();
  // The journal's call: a desk that locked itself meanwhile sends Home back to its sign-in.
  const call = useJournalCall();
  const listed = useLoad(() => call('followUps.list', {}), []);
  const followUps = listed.value ?? [];
  const today = localDate();
  const dueNow = followUps.filter((followUp) => followUp.dueDate <= today).length;

  return (
    <HomeCard id="home-follow-ups" title={t('journal:journal.followUps')}>
      <LoadState load={listed} describe={journalError} />
      {listed.value && (
        <Typography sx={{ mb: 1 }}>
          {followUps.length === 0
            ? t('journal:journal.noFollowUps')
            : `${t('home.followUpCount', { count: followUps.length })} ${t('home.followUpsDueNow', { count: dueNow })}`}
        </Typography>
      )}
      {followUps.length > 0 && (
        <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {followUps.slice(0, SHOWN).map((followUp) => {
            const who = followUp.citizenName ?? t('journal:history.noCitizen');
            const day = formats.day(followUp.dueDate);
            const due =
              followUp.dueDate < today
                ? t('home.followUpLate', { day })
                : followUp.dueDate === today
                  ? t('home.followUpToday', { day })
                  : day;
            return (
              <Paper
                component="li"
                variant="outlined"
                key={followUp.id}
                sx={{ p: 1.5, display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
              >
                <Typography component="span" sx={{ flex: '1 1 15rem', overflowWrap: 'anywhere' }}>
                  {`${due} · ${who}`}
                  <br />
                  {followUp.reason}
                </Typography>
                <Button
                  variant="outlined"
                  href={hrefOf('journal/session', followUp.sessionId)}
                  aria-label={t('home.openFollowUpOf', { who, due })}
                >
                  {t('home.openFollowUp')}
                </Button>
              </Paper>
            );
          })}
        </Stack>
      )}
      {followUps.length > SHOWN && (
        <Button href={hrefOf('journal')} sx={{ mt: 1 }}>
          {t('home.allFollowUps')}
        </Button>
      )}
    </HomeCard>
  );
};
