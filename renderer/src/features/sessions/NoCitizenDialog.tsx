import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CITIZEN_CODE_FIELD } from '../citizens/CitizenPicker.tsx';

/** Why a save is about to go without a citizen: none chosen, or a codice fiscale typed but not applied. */
export type NoCitizenCase = 'none' | 'unapplied';

/**
 * Asked before a session without a citizen is saved (it will never reach Facilita): go back to the
 * codice fiscale field (focused once the dialog has closed), or save anyway — once, however often
 * the button is pressed. A click beside the dialog does neither: a double click on "Save" must not
 * answer for the person.
 */
export const NoCitizenDialog = ({
  ask,
  onBack,
  onConfirm,
}: {
  ask: NoCitizenCase | null;
  onBack: () => void;
  onConfirm: () => void;
}) => {
  const { t } = useTranslation('journal');
  const answered = useRef(false);
  const backToField = useRef(false);
  useEffect(() => {
    if (ask) answered.current = false;
  }, [ask]);
  const answer = (back: boolean) => {
    if (answered.current) return;
    answered.current = true;
    backToField.current = back;
    if (back) onBack();
    else onConfirm();
  };
  return (
    <Dialog
      open={ask !== null}
      onClose={(_event, reason) => reason !== 'backdropClick' && answer(true)}
      disableRestoreFocus
      slotProps={{
        transition: {
          onExited: () => {
            if (backToField.current) document.getElementById(CITIZEN_CODE_FIELD)?.focus();
          },
        },
      }}
      aria-labelledby="no-citizen-title"
      aria-describedby="no-citizen-text"
    >
      <DialogTitle id="no-citizen-title">{t('noCitizen.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="no-citizen-text">
          {t(ask === 'unapplied' ? 'noCitizen.unapplied' : 'noCitizen.none')}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => answer(true)} autoFocus>
          {t('noCitizen.back')}
        </Button>
        <Button onClick={() => answer(false)}>{t('noCitizen.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** The case to ask about before saving, or null when a citizen is chosen. */
export const noCitizenCase = (citizen: unknown, typedCode: string): NoCitizenCase | null =>
  citizen ? null : typedCode.trim() === '' ? 'none' : 'unapplied';
