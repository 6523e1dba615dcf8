import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/contract/result.ts';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { useJournalCall } from '../journal/useJournal.ts';

/**
 * Closing a workshop makes its Facilita rows, so it is asked first (saying how many rows, and who
 * is not checked in); a close made by mistake can be undone until the rows are exported.
 */
export const WorkshopClosing = ({
  workshop,
  open,
  onAnswer,
}: {
  workshop: Workshop;
  /** The workshop can still be changed (scheduled, and this operator may edit it). */
  open: boolean;
  onAnswer: (result: Result<Workshop>) => void;
}) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // The button pressed goes away with the state it changed: focus goes to what replaced it.
  const landing = useRef<HTMLDivElement & HTMLButtonElement>(null);
  const shownState = useRef(workshop.state);
  useEffect(() => {
    if (shownState.current !== workshop.state) landing.current?.focus();
    shownState.current = workshop.state;
  }, [workshop.state]);
  const act = async (method: 'workshops.close' | 'workshops.reopen') => {
    setBusy(true);
    const result = await call(method, { id: workshop.id });
    setBusy(false);
    setAsking(false);
    onAnswer(result);
  };
  const present = workshop.participants.filter((participant) => participant.checkedIn).length;

  if (workshop.state === 'closed')
    return (
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Alert severity="info" ref={landing} tabIndex={-1}>
          {t('workshop.closed', { count: workshop.facilitaRows })}{' '}
          {workshop.canReopen ? t('workshop.reopenUntilExported') : ''}
        </Alert>
        {workshop.canReopen && (
          <Button variant="outlined" disabled={busy} onClick={() => void act('workshops.reopen')}>
            {t('workshop.reopen')}
          </Button>
        )}
      </Stack>
    );
  if (!open) return null;
  return (
    <>
      <Button variant="contained" ref={landing} sx={{ alignSelf: 'flex-start' }} onClick={() => setAsking(true)}>
        {t('workshop.close')}
      </Button>
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        aria-labelledby="workshop-close-title"
        aria-describedby="workshop-close-text"
      >
        <DialogTitle id="workshop-close-title">{t('workshop.closeTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="workshop-close-text">
            {t('workshop.closePresent', { count: present, total: workshop.participants.length })}{' '}
            {t('workshop.closeRows', { count: workshop.rowsIfClosed })} {t('workshop.closeUndo')}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(false)} autoFocus>
            {t('workshop.closeCancel')}
          </Button>
          <Button variant="contained" disabled={busy} onClick={() => void act('workshops.close')}>
            {t('workshop.closeConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
