import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { journalError } from '../journal/journal-errors.ts';
import type { DraftState } from './useDraft.ts';

/**
 * Whether what is being typed is safe: "saved" only while the core keeps taking the draft; once a
 * save fails, a notice that stays in view at the bottom of the screen says it is not saved, why,
 * what to do, and that the typing is kept. A live region of its own (not a second `status`: the
 * form's save feedback is that).
 */
export const DraftStatus = ({ draft }: { draft: DraftState }) => {
  const { t } = useTranslation('journal');
  const sticky = { position: 'sticky', bottom: 0, zIndex: 1, bgcolor: 'background.default', py: 1 } as const;
  return (
    <Box aria-live="polite" sx={draft.failure ? sticky : {}}>
      {draft.failure ? (
        <Alert severity="error">
          {t('session.draftUnsaved', { reason: journalError(t, draft.failure) })} {t('session.draftKeptHere')}
          {draft.copyKept ? ` ${t('session.draftCopyKept')}` : ''}
        </Alert>
      ) : (
        draft.draftId && <Typography variant="body2">{t('session.draftSaved')}</Typography>
      )}
    </Box>
  );
};
