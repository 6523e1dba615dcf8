import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { GuideRunChoice } from '../../../../shared/domain/journal/sessions.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { useLoad } from '../../app/use-load.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useFormats } from '../../i18n/use-formats.ts';

/** Finished guide runs not yet in a session: ticking one pre-fills SE5/SE6 from its guide. */
export const GuideRunsChooser = ({
  selected,
  held = [],
  onToggle,
}: {
  selected: string[];
  /** The runs the session being edited already holds (named by the core, never shown as ids). */
  held?: readonly GuideRunChoice[];
  onToggle: (run: GuideRunChoice, checked: boolean) => void;
}) => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const listed = useLoad(() => call('sessions.guideRuns', {}), []);
  const runs = listed.value ?? [];
  // Runs already in this session (when editing) are listed too, so they can be taken out.
  const choices = [...runs, ...held.filter((run) => !runs.some((other) => other.id === run.id))];
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{t('session.guideRuns')}</FormLabel>
      <LoadState load={listed} describe={journalError} />
      {choices.length === 0 ? (
        <Typography>{t('session.noGuideRuns')}</Typography>
      ) : (
        <FormGroup>
          {choices.map((run) => (
            <FormControlLabel
              key={run.id}
              control={
                <Checkbox
                  checked={selected.includes(run.id)}
                  onChange={(event) => onToggle(run, event.target.checked)}
                />
              }
              label={t('session.guideRun', {
                title: run.title,
                outcome: run.outcome ? t(`session.runOutcomes.${run.outcome}`, { defaultValue: run.outcome }) : '—',
                at: run.endedAt ? formats.moment(run.endedAt, 'short') : '—',
              })}
            />
          ))}
        </FormGroup>
      )}
    </FormControl>
  );
};
