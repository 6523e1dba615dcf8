import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { emptyWorkshopForm, WorkshopFields } from './WorkshopFields.tsx';
import { useFormats } from '../../i18n/use-formats.ts';

/** Workshops: schedule one (title, date, place, SE3 B/C/D, competences, areas), see the latest. */
const Workshops = () => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const { status } = useOperator();
  const [form, setForm] = useState(() => emptyWorkshopForm(status?.today ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const latest = useLoad(() => call('history.search', { kind: 'workshops', limit: 20 }), []);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await call('workshops.create', form as never);
    if (!result.ok) {
      setErrors(journalFieldMessages(t, result.error));
      return setError(journalError(t, result.error));
    }
    window.location.hash = hrefOf('journal/workshop', result.value.id);
  };
  return (
    <>
      <ScreenTitle>{t('workshop.listTitle')}</ScreenTitle>
      <Stack spacing={4} sx={{ maxWidth: '52rem' }}>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(event) => void onSubmit(event)}
          noValidate
          aria-labelledby="workshop-new"
        >
          <Typography id="workshop-new" variant="h2">
            {t('workshop.new')}
          </Typography>
          <WorkshopFields form={form} onChange={setForm} errors={errors} />
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            {t('workshop.create')}
          </Button>
          <div role="status" aria-live="polite">
            {error && <Alert severity="error">{error}</Alert>}
          </div>
        </Stack>
        <section aria-labelledby="workshop-latest">
          <Typography id="workshop-latest" variant="h2">
            {t('workshop.latest')}
          </Typography>
          <LoadState load={latest} describe={journalError} />
          <List>
            {(latest.value?.items ?? []).map((item) => (
              <ListItem key={item.id} disableGutters>
                <Link
                  href={hrefOf('journal/workshop', item.id)}
                >{`${formats.day(item.date)} · ${item.title ?? ''} (${t('workshop.participantsCount', { count: item.participants ?? 0 })})`}</Link>
              </ListItem>
            ))}
          </List>
        </section>
      </Stack>
    </>
  );
};

export const WorkshopsScreen = Workshops;
