import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { useRouteParams } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { ReasonConfirm } from '../journal/ReasonConfirm.tsx';
import { CitizenForm } from './CitizenForm.tsx';
import { CitizenVisits } from './CitizenVisits.tsx';
import { useFormats } from '../../i18n/use-formats.ts';

/** A citizen's data and their rights: a copy of everything held (JSON or PDF), and erasure. */
const CitizenDetail = () => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const [id] = useRouteParams();
  const loaded = useLoad(id ? () => call('citizens.get', { id }) : null, [id]);
  const citizen = loaded.value;
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const [feedback, setFeedback] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const exportAs = async (format: 'json' | 'pdf') => {
    if (!id) return;
    const result = await call('citizens.export', { id, format });
    setFeedback(
      result.ok
        ? { severity: 'success', text: t('rights.exported', { file: result.value.file }) }
        : { severity: 'error', text: journalError(t, result.error) },
    );
  };
  const erase = async () => {
    if (!id) return;
    const result = await call('citizens.erase', { id, reason });
    setFeedback(
      result.ok
        ? { severity: 'success', text: t('rights.erased') }
        : { severity: 'error', text: journalError(t, result.error) },
    );
    await loaded.reload();
  };

  const rows: [string, string][] = citizen
    ? [
        [t('citizen.lastName'), citizen.lastName || '—'],
        [t('citizen.firstName'), citizen.firstName || '—'],
        [t('citizen.codiceFiscale'), citizen.codiceFiscale ?? '—'],
        [t('rights.ageBand'), citizen.ageBand ? t(`codes.ageBand.${citizen.ageBand}`) : '—'],
        [t('citizen.province'), citizen.province || '—'],
        [t('citizen.email'), citizen.email ?? '—'],
        [t('citizen.phone'), citizen.phone ?? '—'],
        [
          t('citizen.consentMethod'),
          citizen.consentMethod
            ? `${t(`codes.consentMethod.${citizen.consentMethod}`)} · ${formats.day(citizen.consentDate)}`
            : '—',
        ],
        [t('rights.reportable'), t(citizen.reportable ? 'history.reportableYes' : 'history.reportableNo')],
      ]
    : [];

  return (
    <>
      <ScreenTitle>{t('rights.title')}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '40rem' }}>
        <LoadState load={loaded} describe={journalError} />
        {citizen?.erased && <Alert severity="info">{t('rights.isErased')}</Alert>}
        {citizen && !citizen.erased && !citizen.profileComplete && (
          <Alert severity="warning">{t('arrival.profilePending')}</Alert>
        )}
        <Table size="small">
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row">
                  {label}
                </TableCell>
                <TableCell>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {citizen && !citizen.erased && !editing && (
          <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>
            {t(citizen.profileComplete ? 'rights.correct' : 'arrival.completeProfile')}
          </Button>
        )}
        {citizen && editing && (
          <CitizenForm
            codiceFiscale=""
            citizen={citizen}
            onSaved={(saved) => {
              loaded.set(saved);
              setEditing(false);
              setFeedback({ severity: 'success', text: t('rights.corrected') });
            }}
          />
        )}
        {citizen && <CitizenVisits citizenId={citizen.id} />}
        <Typography variant="h2">{t('rights.copy')}</Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" onClick={() => void exportAs('json')}>
            {t('rights.exportJson')}
          </Button>
          <Button variant="outlined" onClick={() => void exportAs('pdf')}>
            {t('rights.exportPdf')}
          </Button>
        </Stack>
        {citizen && !citizen.erased && (
          <>
            <Typography variant="h2">{t('rights.erase')}</Typography>
            <Typography>{t('rights.eraseHelp')}</Typography>
            <ReasonConfirm
              id="erase-reason"
              reasonLabel={t('delete.reason')}
              confirmLabel={t('rights.eraseConfirm')}
              reason={reason}
              onReasonChange={setReason}
              onConfirm={() => void erase()}
            />
          </>
        )}
        <div role="status" aria-live="polite">
          {feedback && <Alert severity={feedback.severity}>{feedback.text}</Alert>}
        </div>
      </Stack>
    </>
  );
};

export const CitizenScreen = CitizenDetail;
