import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../../../../shared/domain/journal/history.ts';
import { DETAILS_MAX, WORKSHOP_SERVICE_TYPES } from '../../../../shared/domain/journal/options.ts';
import { SE5_COMPETENCES, SE6_SERVICE_AREAS } from '../../../../shared/facilita/codes.ts';
import { hrefOf } from '../../app/routes.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { CodeChecklist } from '../journal/CodeFields.tsx';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { withOperator } from '../operators/RequireOperator.tsx';

/** Workshops: schedule one (title, date, place, SE3 B/C/D, competences, areas), see the latest. */
const Workshops = () => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const { status } = useOperator();
  const [form, setForm] = useState({
    title: '',
    date: status?.today ?? '',
    place: '',
    duration: '02:00',
    serviceTypes: ['C'] as string[],
    competences: [] as number[],
    serviceAreas: [] as string[],
    details: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [list, setList] = useState<HistoryItem[]>([]);

  const load = useCallback(async () => {
    const result = await call('history.search', { kind: 'workshops', limit: 20 });
    if (result.ok) setList(result.value.items);
  }, [call]);
  useEffect(() => void load(), [load]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await call('workshops.create', form as never);
    if (!result.ok) {
      setErrors(journalFieldMessages(t, result.error));
      return setError(journalError(t, result.error));
    }
    window.location.hash = hrefOf('journal/workshop', result.value.id);
  };
  const text = (field: 'title' | 'date' | 'place' | 'duration', type = 'text') => (
    <TextField
      id={`workshop-${field}`}
      type={type}
      label={t(`workshop.${field}`)}
      value={form[field]}
      onChange={(event) => setForm({ ...form, [field]: event.target.value })}
      error={errors[field] !== undefined}
      helperText={errors[field]}
      slotProps={type === 'date' ? { inputLabel: { shrink: true } } : {}}
    />
  );

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
          {text('title')}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            {text('date', 'date')}
            {text('duration')}
          </Box>
          {text('place')}
          <CodeChecklist
            label={t('session.serviceTypes')}
            codes={WORKSHOP_SERVICE_TYPES}
            labels="codes.se3"
            value={form.serviceTypes}
            onChange={(serviceTypes) => setForm({ ...form, serviceTypes })}
            error={errors['serviceTypes']}
          />
          <CodeChecklist
            label={t('session.serviceAreas')}
            codes={SE6_SERVICE_AREAS}
            labels="codes.se6"
            value={form.serviceAreas}
            onChange={(serviceAreas) => setForm({ ...form, serviceAreas })}
            error={errors['serviceAreas']}
          />
          <CodeChecklist
            label={t('session.competences')}
            codes={SE5_COMPETENCES}
            labels="codes.se5"
            value={form.competences}
            onChange={(competences) => setForm({ ...form, competences })}
            error={errors['competences']}
          />
          <TextField
            id="workshop-details"
            label={t('session.details')}
            multiline
            minRows={2}
            value={form.details}
            onChange={(event) => setForm({ ...form, details: event.target.value })}
            error={errors['details'] !== undefined}
            helperText={errors['details'] ?? t('session.counter', { count: form.details.length, max: DETAILS_MAX })}
          />
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
          <List>
            {list.map((item) => (
              <ListItem key={item.id} disableGutters>
                <Link
                  href={hrefOf('journal/workshop', item.id)}
                >{`${item.date} · ${item.title ?? ''} (${t('workshop.participantsCount', { count: item.participants ?? 0 })})`}</Link>
              </ListItem>
            ))}
          </List>
        </section>
      </Stack>
    </>
  );
};

export const WorkshopsScreen = withOperator(Workshops);
