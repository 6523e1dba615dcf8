import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { useLoad } from '../../app/use-load.ts';
import { useFormats } from '../../i18n/use-formats.ts';
import { openCitizenWindow } from '../guides/citizen-window.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';

/**
 * The guides a trainer projects during the workshop: started here, the run is the workshop's
 * (workshops.startGuide) and opens in projector mode; the list names each by title and time.
 */
export const WorkshopGuides = ({
  workshop,
  open,
  onStarted,
}: {
  workshop: Workshop;
  open: boolean;
  onStarted: (workshop: Workshop) => void;
}) => {
  const { t } = useTranslation(['journal', 'guides']);
  const formats = useFormats();
  const call = useJournalCall();
  const { info } = useAppState();
  const guides = useLoad(open ? () => client.call('guides.search', { query: '' }) : null, [open]);
  const [guideId, setGuideId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (!guideId) {
      setFieldError(t('journal:workshop.guides.chooseFirst'));
      return;
    }
    setFieldError(null);
    // The window opens during the press (browsers allow no later), the run is started meanwhile.
    const runId = call('workshops.startGuide', { workshopId: workshop.id, guideId }).then((result) => {
      if (!result.ok) {
        setError(journalError(t, result.error));
        return null;
      }
      setError(null);
      onStarted(result.value.workshop);
      return result.value.runId;
    });
    const opened = await openCitizenWindow(runId, 'projector', info.mode === 'electron');
    if (!opened && (await runId) !== null) setError(t('guides:runner.windowBlocked'));
  };

  return (
    <section aria-labelledby="workshop-guides-title">
      <Typography id="workshop-guides-title" variant="h2">
        {t('journal:workshop.guides.title')}
      </Typography>
      {workshop.guideRuns.length === 0 ? (
        <Typography sx={{ my: 1 }}>{t('journal:workshop.guides.none')}</Typography>
      ) : (
        <List>
          {workshop.guideRuns.map((run) => (
            <ListItem key={run.id} disableGutters>
              <Link href={hrefOf('guides/run', run.id)}>
                {t('journal:workshop.guides.run', { title: run.title, at: formats.moment(run.startedAt) })}
              </Link>
            </ListItem>
          ))}
        </List>
      )}
      {open && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <TextField
            select
            label={t('journal:workshop.guides.choose')}
            value={guideId}
            onChange={(event) => {
              setGuideId(event.target.value);
              setFieldError(null);
            }}
            error={fieldError !== null}
            helperText={fieldError ?? ' '}
            sx={{ minWidth: '18rem', flex: '1 1 18rem' }}
          >
            {(guides.value ?? []).map((guide) => (
              <MenuItem key={guide.id} value={guide.id}>
                {guide.title}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" onClick={() => void start()} sx={{ mt: 1 }}>
            {t('journal:workshop.guides.start')}
          </Button>
        </Stack>
      )}
      <div role="alert">{error && <Alert severity="error">{error}</Alert>}</div>
    </section>
  );
};
