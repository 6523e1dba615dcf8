import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/contract/result.ts';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf, useRouteParams } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { CitizenPicker } from '../citizens/CitizenPicker.tsx';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { ArrivalByCode } from './ArrivalByCode.tsx';
import { RosterImport } from './RosterImport.tsx';
import { WorkshopClosing } from './WorkshopClosing.tsx';
import { WorkshopGuides } from './WorkshopGuides.tsx';
import { WorkshopManage } from './WorkshopManage.tsx';
import { useFormats } from '../../i18n/use-formats.ts';

/** One workshop: roster (new or returning citizens), check-in on the day, close. */
const WorkshopDetail = () => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const [id] = useRouteParams();
  const loaded = useLoad(id ? () => call('workshops.get', { id }) : null, [id]);
  const workshop = loaded.value;
  const [error, setError] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);

  // Every action answers with the workshop as it now is.
  const apply = (result: Result<Workshop>) => {
    if (result.ok) {
      loaded.set(result.value);
      setError(null);
    } else setError(journalError(t, result.error));
  };

  if (!workshop) return <LoadState load={loaded} describe={journalError} />;
  const open = workshop.state === 'scheduled' && workshop.canEdit;

  return (
    <>
      <ScreenTitle>{workshop.title}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '48rem' }}>
        <Typography>
          {t('workshop.summary', {
            date: formats.day(workshop.date),
            place: workshop.place,
            duration: workshop.duration,
            trainer: workshop.trainerName,
          })}
        </Typography>
        <Typography>{workshop.serviceAreas.map((code) => t(`codes.se6.${code}`)).join(', ')}</Typography>
        <section aria-labelledby="roster-title">
          <Typography id="roster-title" variant="h2">
            {t('workshop.roster', { count: workshop.participants.length })}
          </Typography>
          <List>
            {workshop.participants.map((participant) => (
              <ListItem key={participant.id} disableGutters sx={{ flexWrap: 'wrap', columnGap: 2 }}>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={participant.checkedIn}
                      disabled={!open}
                      onChange={(event) =>
                        void call('workshops.checkIn', {
                          workshopId: workshop.id,
                          participantId: participant.id,
                          checkedIn: event.target.checked,
                        }).then(apply)
                      }
                    />
                  }
                  label={
                    t('workshop.checkIn', { name: participant.name }) +
                    (participant.reportable || !participant.profileComplete ? '' : ` (${t('picker.notReportable')})`)
                  }
                />
                {!participant.profileComplete && (
                  <Link href={hrefOf('journal/citizen', participant.citizenId)}>
                    {t('arrival.complete', { name: participant.name })}
                  </Link>
                )}
              </ListItem>
            ))}
          </List>
        </section>
        {open && <ArrivalByCode workshop={workshop} onAdded={(updated) => apply({ ok: true, value: updated })} />}
        {open && (
          <CitizenPicker
            key={pickerKey}
            value={null}
            label={t('workshop.addParticipant')}
            onChange={(citizen) => {
              if (!citizen) return;
              void call('workshops.addParticipant', { workshopId: workshop.id, citizenId: citizen.id }).then(
                (result) => {
                  apply(result);
                  setPickerKey((key) => key + 1);
                },
              );
            }}
          />
        )}
        {open && <RosterImport workshop={workshop} onImported={(updated) => apply({ ok: true, value: updated })} />}
        <WorkshopGuides workshop={workshop} open={open} onStarted={(changed) => loaded.set(changed)} />
        <WorkshopClosing workshop={workshop} open={open} onAnswer={apply} />
        <div role="status" aria-live="polite">
          {error && <Alert severity="error">{error}</Alert>}
          <LoadState load={loaded} describe={journalError} />
        </div>
        <WorkshopManage workshop={workshop} onChanged={() => void loaded.reload()} />
      </Stack>
    </>
  );
};

export const WorkshopScreen = WorkshopDetail;
