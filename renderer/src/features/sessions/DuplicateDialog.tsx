import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';

/** Facilita would reject an identical row: say so before saving, let the operator decide. */
export const DuplicateDialog = ({
  open,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const { t } = useTranslation('journal');
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="duplicate-title" aria-describedby="duplicate-text">
      <DialogTitle id="duplicate-title">{t('duplicate.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="duplicate-text">{t('duplicate.text')}</DialogContentText>
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
