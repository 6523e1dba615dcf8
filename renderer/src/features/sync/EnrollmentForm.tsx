import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import { client } from '../../api/client.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useMayUse, useOperator } from '../operators/OperatorProvider.tsx';
import { useSyncStatus } from './use-sync-status.ts';

type Feedback =
  | { kind: 'done'; organisation: string; site: string }
  | { kind: 'error'; reason: string }
  // Demo data stops the enrollment: say so and offer its removal.
  | { kind: 'demoData' }
  | { kind: 'demoRemoved'; sessions: number; citizens: number }
  | null;

/**
 * The connection to the hub (on the Sync screen, in Settings and in the first set-up): its address
 * and the one-time code from the organisation's admin.
 */
export const EnrollmentForm = () => {
  const { t } = useTranslation(['sync', 'errors', 'journal']);
  const status = useSyncStatus().value;
  // Before set-up anyone may connect the desk (IT staff often do it first); afterwards a coordinator.
  const mayEnroll = useMayUse()('coordinatorOnceSetUp');
  const { refresh } = useOperator();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const reasonOf = (error: AppError) => {
    const syncCode = error.details?.['syncCode'];
    if (syncCode === 'UNAUTHORIZED') return t('sync:enroll.codeRejected');
    if (typeof syncCode === 'string') return t(`sync:error.${syncCode}`);
    if (['role', 'signedOut', 'idle'].includes(String(error.details?.['reason'])))
      return t('sync:enroll.coordinatorOnly');
    return t(`errors:code.${error.code}`);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await client.call('sync.enroll', { hubUrl, code });
    setBusy(false);
    if (!result.ok && result.error.details?.['reason'] === 'demoData') return setFeedback({ kind: 'demoData' });
    if (result.ok) {
      setCode('');
      setFeedback({
        kind: 'done',
        organisation: result.value.organisationName ?? '',
        site: result.value.siteName ?? '',
      });
    } else {
      setFeedback({ kind: 'error', reason: reasonOf(result.error) });
    }
  };

  const removeDemo = async () => {
    setBusy(true);
    const result = await client.call('journal.removeDemo', {});
    setBusy(false);
    if (result.ok) await refresh();
    setFeedback(
      result.ok
        ? { kind: 'demoRemoved', sessions: result.value.sessions, citizens: result.value.citizens }
        : { kind: 'error', reason: journalError(t, result.error) },
    );
  };

  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="enroll-title"
    >
      <Typography id="enroll-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
        {t('sync:enroll.title')}
      </Typography>
      {status?.enrolled && (
        <Typography data-testid="enrolled-with">
          {t('sync:enroll.current', {
            organisation: status.organisationName,
            site: status.siteName,
            url: status.hubUrl,
          })}
        </Typography>
      )}
      {!mayEnroll && <Typography>{t('sync:enroll.forCoordinator')}</Typography>}
      {mayEnroll && <Typography>{t('sync:enroll.help')}</Typography>}
      {mayEnroll && (
        <>
          <TextField
            id="hub-url"
            label={t('sync:enroll.hubUrl')}
            helperText={t('sync:enroll.hubUrlHelp')}
            value={hubUrl}
            onChange={(event) => setHubUrl(event.target.value)}
            inputMode="url"
            required
          />
          <TextField
            id="enroll-code"
            label={t('sync:enroll.code')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            required
          />
          <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
            {t('sync:enroll.submit')}
          </Button>
        </>
      )}
      {/* aria-live without role="status": Settings keeps one status region, its own. */}
      <div aria-live="polite" data-testid="enroll-feedback">
        {feedback?.kind === 'done' && (
          <Alert severity="success">
            {t('sync:enroll.done', { organisation: feedback.organisation, site: feedback.site })}
          </Alert>
        )}
        {feedback?.kind === 'demoData' && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" variant="outlined" onClick={() => void removeDemo()} disabled={busy}>
                {t('sync:enroll.removeDemo')}
              </Button>
            }
          >
            {t('sync:enroll.demoData')}
          </Alert>
        )}
        {feedback?.kind === 'demoRemoved' && <Alert severity="success">{t('sync:enroll.demoRemoved', feedback)}</Alert>}
        {feedback?.kind === 'error' && (
          <Alert severity="error">{t('sync:enroll.failed', { reason: feedback.reason })}</Alert>
        )}
      </div>
    </Stack>
  );
};
