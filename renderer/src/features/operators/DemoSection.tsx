import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';

/**
 * The coordinator's demo data: fill it for training, or remove it (only it) so the desk may join
 * an organisation. An enrolled desk offers no fill: fictional people never reach the organisation.
 */
export const DemoSection = ({
  organisation,
  demo,
  onFeedback,
  onChanged,
}: {
  /** The organisation this desk is enrolled with, or null. */
  organisation: string | null;
  demo: boolean;
  onFeedback: (feedback: { severity: 'success' | 'error'; text: string }) => void;
  onChanged: () => Promise<void>;
}) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();

  const fill = async () => {
    const result = await call('journal.fillDemo', { sessions: 60 });
    onFeedback(
      result.ok
        ? { severity: 'success', text: t('admin.demoDone', result.value) }
        : { severity: 'error', text: journalError(t, result.error) },
    );
    await onChanged();
  };

  const remove = async () => {
    const result = await call('journal.removeDemo', {});
    onFeedback(
      result.ok
        ? { severity: 'success', text: t('admin.removeDemoDone', result.value) }
        : { severity: 'error', text: journalError(t, result.error) },
    );
    await onChanged();
  };

  return (
    <section aria-labelledby="admin-demo">
      <Typography id="admin-demo" variant="h2" gutterBottom>
        {t('admin.demo')}
      </Typography>
      {organisation !== null ? (
        <Typography gutterBottom>{t('admin.demoEnrolled', { organisation })}</Typography>
      ) : (
        <>
          <Typography gutterBottom>{t('admin.demoHelp')}</Typography>
          <Button variant="outlined" onClick={() => void fill()}>
            {t('admin.fillDemo')}
          </Button>
        </>
      )}
      {demo && (
        <>
          <Typography gutterBottom sx={{ mt: 2 }}>
            {t('admin.removeDemoHelp')}
          </Typography>
          <Button variant="outlined" onClick={() => void remove()}>
            {t('admin.removeDemo')}
          </Button>
        </>
      )}
    </section>
  );
};
