import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';

/**
 * A destructive action that needs a reason (a delete, an erasure): the button stays disabled until
 * a reason is typed, because the reason is what the audit trail keeps.
 */
export const ReasonConfirm = ({
  id,
  reasonLabel,
  confirmLabel,
  reason,
  onReasonChange,
  onConfirm,
}: {
  id: string;
  reasonLabel: string;
  confirmLabel: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  onConfirm: () => void;
}) => (
  <>
    <TextField id={id} label={reasonLabel} value={reason} onChange={(event) => onReasonChange(event.target.value)} />
    <Button
      color="error"
      variant="outlined"
      sx={{ alignSelf: 'flex-start' }}
      disabled={reason.trim() === ''}
      onClick={onConfirm}
    >
      {confirmLabel}
    </Button>
  </>
);
