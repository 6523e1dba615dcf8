import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/domain/journal/sessions.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { ReasonConfirm } from '../journal/ReasonConfirm.tsx';

/** Coordinators only: a delete is a tombstone with a reason, kept in the audit trail and sent to the hub. */
export const DeleteSession = ({ session, onDeleted }: { session: Session; onDeleted: () => void }) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const result = await call('sessions.delete', { id: session.id, baseVersion: session.version, reason });
    if (result.ok) return onDeleted();
    setError(journalError(t, result.error));
  };
  return (
    <Stack component="section" spacing={2} aria-labelledby="delete-title" sx={{ my: 3, maxWidth: '40rem' }}>
      <Typography id="delete-title" variant="h2">
        {t('delete.title')}
      </Typography>
      <ReasonConfirm
        id="delete-reason"
        reasonLabel={t('delete.reason')}
        confirmLabel={t('delete.confirm')}
        reason={reason}
        onReasonChange={setReason}
        onConfirm={() => void remove()}
      />
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
};
