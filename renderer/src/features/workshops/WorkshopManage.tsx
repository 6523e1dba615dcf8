import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { hrefOf } from '../../app/navigation.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { ReasonConfirm } from '../journal/ReasonConfirm.tsx';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { WorkshopFields, workshopFormOf } from './WorkshopFields.tsx';

/** Edit a scheduled workshop's shared fields: a new version, with its audit entry, in the core. */
const EditWorkshop = ({ workshop, onSaved }: { workshop: Workshop; onSaved: () => void }) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [form, setForm] = useState<ReturnType<typeof workshopFormOf> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (!form) {
    return (
      <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => setForm(workshopFormOf(workshop))}>
        {t('workshopEdit.edit')}
      </Button>
    );
  }
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await call('workshops.update', { ...form, id: workshop.id, baseVersion: workshop.version } as never);
    if (!result.ok) {
      setErrors(journalFieldMessages(t, result.error));
      return setError(journalError(t, result.error));
    }
    setForm(null);
    onSaved();
  };
  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      aria-labelledby="workshop-edit-heading"
      onSubmit={(event) => void onSubmit(event)}
    >
      <Typography id="workshop-edit-heading" variant="h2">
        {t('workshopEdit.edit')}
      </Typography>
      <WorkshopFields form={form} onChange={setForm} errors={errors} idPrefix="workshop-edit" />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained">
          {t('workshopEdit.save')}
        </Button>
        <Button variant="outlined" onClick={() => setForm(null)}>
          {t('workshopEdit.cancel')}
        </Button>
      </Stack>
      <div role="status" aria-live="polite">
        {error && <Alert severity="error">{error}</Alert>}
      </div>
    </Stack>
  );
};

/** Coordinators only: a tombstone with a reason, kept in the audit trail and sent to the hub. */
const DeleteWorkshop = ({ workshop }: { workshop: Workshop }) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const result = await call('workshops.delete', { id: workshop.id, baseVersion: workshop.version, reason });
    if (result.ok) window.location.hash = hrefOf('journal/workshops');
    else setError(journalError(t, result.error));
  };
  return (
    <Stack component="section" spacing={2} aria-labelledby="workshop-delete-title">
      <Typography id="workshop-delete-title" variant="h2">
        {t('workshopEdit.deleteTitle')}
      </Typography>
      <ReasonConfirm
        id="workshop-delete-reason"
        reasonLabel={t('delete.reason')}
        confirmLabel={t('workshopEdit.delete')}
        reason={reason}
        onReasonChange={setReason}
        onConfirm={() => void remove()}
      />
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
};

/** A workshop's edit (while scheduled, by who may edit it) and delete (coordinators) controls. */
export const WorkshopManage = ({ workshop, onChanged }: { workshop: Workshop; onChanged: () => void }) => {
  const { status } = useOperator();
  return (
    <>
      {workshop.state === 'scheduled' && workshop.canEdit && <EditWorkshop workshop={workshop} onSaved={onChanged} />}
      {status?.signedIn?.role === 'coordinator' && <DeleteWorkshop workshop={workshop} />}
    </>
  );
};
