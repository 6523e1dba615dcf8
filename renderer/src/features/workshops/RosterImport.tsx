import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { visuallyHidden } from '@mui/utils';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../shared/domain/journal/roster.ts';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { base64Of, rowOutcome } from './roster-text.ts';

type Preview = { rows: RosterRow[]; toImport: number; file: { fileName: string; content: string } };

const RowsTable = ({ rows, caption }: { rows: RosterRow[]; caption: string }) => {
  const { t } = useTranslation('journal');
  return (
    <Table size="small" sx={{ tableLayout: 'fixed', '& td, & th': { overflowWrap: 'anywhere' } }}>
      <caption>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '4rem' }}>{t('roster.line')}</TableCell>
          <TableCell>{t('roster.person')}</TableCell>
          <TableCell>{t('roster.outcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.line} data-status={row.status}>
            <TableCell>{row.line}</TableCell>
            <TableCell>
              {[row.lastName, row.firstName].filter(Boolean).join(' ') || '—'}
              <br />
              {row.codiceFiscale || '—'}
            </TableCell>
            <TableCell>{rowOutcome(t, row)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The trainer's own spreadsheet (CSV or XLSX) as the roster: each row previewed with what will
 * happen, nothing saved until "Importa N partecipanti", which adds every valid row at once (no one
 * twice); the rows with problems are listed, to fix in the file or add one by one.
 */
export const RosterImport = ({ workshop, onImported }: { workshop: Workshop; onImported: (w: Workshop) => void }) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<{ added: number; left: RosterRow[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Focus follows the work: to the preview once read, to the outcome once imported.
  const landing = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview || done) landing.current?.focus();
  }, [preview, done]);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setDone(null);
    const input = { fileName: file.name, content: await base64Of(file) };
    const result = await call('workshops.previewRoster', { workshopId: workshop.id, ...input });
    if (!result.ok) {
      setPreview(null);
      setFileError(journalFieldMessages(t, result.error)['file'] ?? journalError(t, result.error));
      return;
    }
    setFileError(null);
    setPreview({ ...result.value, file: input });
  };

  const importAll = async () => {
    if (!preview || busy) return;
    setBusy(true);
    const result = await call('workshops.importRoster', { workshopId: workshop.id, ...preview.file });
    setBusy(false);
    if (!result.ok) return setFileError(journalError(t, result.error));
    onImported(result.value.workshop);
    setPreview(null);
    if (fileInput.current) fileInput.current.value = '';
    setFileName(null);
    setDone({ added: result.value.added, left: result.value.rows.filter((row) => row.status === 'invalid') });
  };

  return (
    <Stack component="section" spacing={2} aria-labelledby="roster-import-title">
      <Typography id="roster-import-title" variant="h2">
        {t('roster.title')}
      </Typography>
      <Typography id="roster-file-help">{t('roster.help')}</Typography>
      {/* The browser's own file button speaks its language, not the desk's: the input stays (focusable,
          for the keyboard and screen readers) inside a label drawn as our button. */}
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box
          component="label"
          htmlFor="roster-file"
          sx={(theme) => ({
            ...theme.typography.button,
            px: 2,
            py: 1,
            borderRadius: 1,
            cursor: 'pointer',
            border: `1px solid ${theme.palette.primary.main}`,
            color: theme.palette.primary.main,
            '&:focus-within': { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
          })}
        >
          {t('roster.file')}
          <input
            id="roster-file"
            ref={fileInput}
            type="file"
            style={visuallyHidden as CSSProperties}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="roster-file-help roster-file-error"
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              setFileName(event.target.files?.[0]?.name ?? null);
              void read(event.target.files?.[0]);
            }}
          />
        </Box>
        <Typography>{fileName ?? t('roster.noFile')}</Typography>
      </Stack>
      <div id="roster-file-error" role="status" aria-live="polite">
        {fileError && <Alert severity="error">{fileError}</Alert>}
      </div>
      {preview && (
        <Stack spacing={2}>
          <Typography ref={landing} tabIndex={-1} variant="h3" component="h3">
            {t('roster.previewTitle', { count: preview.rows.length })}
          </Typography>
          <RowsTable rows={preview.rows} caption={t('roster.previewCaption')} />
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Button variant="contained" disabled={busy || preview.toImport === 0} onClick={() => void importAll()}>
              {t('roster.import', { count: preview.toImport })}
            </Button>
            <Button
              variant="outlined"
              onClick={() => {
                setPreview(null);
                setFileName(null);
                if (fileInput.current) fileInput.current.value = '';
                fileInput.current?.focus();
              }}
            >
              {t('roster.cancel')}
            </Button>
          </Stack>
        </Stack>
      )}
      {done && (
        <Stack spacing={2}>
          <Typography ref={landing} tabIndex={-1} variant="h3" component="h3">
            {t('roster.imported', { count: done.added })}
          </Typography>
          {done.left.length > 0 && <RowsTable rows={done.left} caption={t('roster.leftOut')} />}
        </Stack>
      )}
    </Stack>
  );
};
