import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../../shared/i18n/format-day.ts';

/** The session the core found identical by Facilita's duplicate rule (from the refusal's details). */
export interface DuplicateMatch {
  date: string;
  operatorName: string;
}

export const duplicateMatchOf = (details: Record<string, unknown> | undefined): DuplicateMatch | null =>
  typeof details?.['date'] === 'string' && typeof details['operatorName'] === 'string'
    ? { date: details['date'], operatorName: details['operatorName'] }
    : null;

/** Facilita would reject an identical row: say so before saving, naming the session it matches; the operator decides. */
export const DuplicateDialog = ({
  open,
  match = null,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  match?: DuplicateMatch | null;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const { t, i18n } = useTranslation('journal');
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="duplicate-title" aria-describedby="duplicate-text">
      <DialogTitle id="duplicate-title">{t('duplicate.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="duplicate-text">
          {t('duplicate.text')}
          {match &&
            ` ${t('duplicate.match', { date: formatDay(match.date, i18n.language), operator: match.operatorName })}`}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          {t('duplicate.cancel')}
        </Button>
        <Button onClick={onConfirm}>{t('duplicate.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
};
