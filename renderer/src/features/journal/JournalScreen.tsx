import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { loadAll, useLoad } from '../../app/use-load.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { saveCopiesBack } from '../sessions/draft-copy.ts';
import { journalError } from './journal-errors.ts';
import { useJournalCall } from './useJournal.ts';
import { useFormats } from '../../i18n/use-formats.ts';

/** The journal's start: sessions to resume (nothing typed is lost), what to do next, follow-ups due. */
const Journal = () => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const operatorId = useOperator().status?.signedIn?.id ?? null;
  // Copies a page kept while the core was gone become drafts again first, so they are offered too.
  const loaded = useLoad(async () => {
    if (operatorId) await saveCopiesBack(call, operatorId);
    return loadAll({ drafts: call('drafts.list', {}), followUps: call('followUps.list', {}) });
  }, [operatorId]);
  const drafts = loaded.value?.drafts ?? [];
  const followUps = loaded.value?.followUps ?? [];

  const discard = async (id: string) => {
    await call('drafts.discard', { id });
    await loaded.reload();
  };
  const done = async (id: string) => {
    await call('followUps.done', { id });
    await loaded.reload();
  };

  return (
    <>
      <ScreenTitle>{t('journal.title')}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '48rem' }}>
        <LoadState load={loaded} describe={journalError} />
        {drafts.map((draft) => (
          <Alert
            key={draft.id}
            severity="warning"
            action={
              <Stack direction="row" spacing={1}>
                <Button href={hrefOf('journal/session', 'draft', draft.id)}>{t('journal.resume')}</Button>
                <Button onClick={() => void discard(draft.id)}>{t('journal.discard')}</Button>
              </Stack>
            }
          >
            {t('journal.draftOffer', { name: draft.operatorName, at: formats.moment(draft.updatedAt) })}
          </Alert>
        ))}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" size="large" href={hrefOf('journal/session')}>
            {t('journal.newSession')}
          </Button>
          <Button variant="outlined" size="large" href={hrefOf('journal/quick')}>
            {t('journal.quickLog')}
          </Button>
          <Button variant="outlined" size="large" href={hrefOf('journal/workshops')}>
            {t('journal.workshops')}
          </Button>
          <Button variant="outlined" size="large" href={hrefOf('journal/history')}>
            {t('journal.history')}
          </Button>
        </Stack>
        <section aria-labelledby="follow-ups-title">
          <Typography id="follow-ups-title" variant="h2" gutterBottom>
            {t('journal.followUps')}
          </Typography>
          {followUps.length === 0 ? (
            <Typography>{t('journal.noFollowUps')}</Typography>
          ) : (
            <List>
              {followUps.map((followUp) => (
                <ListItem
                  key={followUp.id}
                  secondaryAction={<Button onClick={() => void done(followUp.id)}>{t('journal.followUpDone')}</Button>}
                >
                  <ListItemText
                    primary={`${formats.day(followUp.dueDate)} · ${followUp.citizenName ?? t('history.noCitizen')}`}
                    secondary={followUp.reason}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </section>
      </Stack>
    </>
  );
};

export const JournalScreen = Journal;
