import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitaRunView } from '../../../../shared/console/names.ts';
import { useFormat } from '../../format.ts';
import { FileLinks } from './FileLinks.tsx';

type Done = Extract<FacilitaRunView, { nothingToExport: false }>;

/** Rows held back: after Facilita's cut-off counted by month, those waiting for a birthday with their day (the desk's words). */
const HeldRows = ({ held }: { held: Done['held'] }) => {
  const { t } = useTranslation('facilita');
  const format = useFormat();
  if (held.length === 0) return null;
  const byMonth = new Map<string, number>();
  for (const row of held)
    if (row.hold.reason === 'afterCutoff')
      byMonth.set(row.hold.date.slice(0, 7), (byMonth.get(row.hold.date.slice(0, 7)) ?? 0) + 1);
  return (
    <Box component="section" aria-labelledby="held-title">
      <Typography id="held-title" variant="h3" sx={{ mb: 1 }}>
        {t('heldTitle', { count: held.length })}
      </Typography>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {[...byMonth].map(([month, count]) => (
          <li key={month}>{t('hold.afterCutoff', { count, month: format.month(month) })}</li>
        ))}
        {held.map((row, index) =>
          row.hold.reason === 'notYetOfAge' ? (
            <li key={index}>{t('hold.notYetOfAge', { from: format.day(row.hold.from) })}</li>
          ) : null,
        )}
      </ul>
    </Box>
  );
};

const RejectedRows = ({ rejected }: { rejected: Done['rejected'] }) => {
  const { t } = useTranslation(['console', 'facilita']);
  if (rejected.length === 0) return <Typography>{t('facilita:noRejected')}</Typography>;
  return (
    <TableContainer>
      <Table size="small">
        <caption>{t('facilita.rejectedCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('facilita.site')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('facilita.kind')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('facilita:reasons')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rejected.map((row, index) => (
            <TableRow key={index}>
              <TableCell>{row.siteName ?? t('facilita.siteUnknown')}</TableCell>
              <TableCell>{t(`facilita.kinds.${row.recordKind}`)}</TableCell>
              <TableCell>
                <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                  {row.reasons.map((reason) => (
                    <li key={`${reason.code}:${reason.column}`}>{t(`facilita:reason.${reason.code}`)}</li>
                  ))}
                </ul>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** What an export made: its files to download, what stays out and why. Takes focus: the work goes on here. */
export const ExportResult = ({ result }: { result: FacilitaRunView }) => {
  const { t } = useTranslation(['console', 'facilita']);
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  const title = (text: string) => (
    <Typography ref={heading} tabIndex={-1} variant="h2" sx={{ mb: 1, outline: 'none' }}>
      {text}
    </Typography>
  );
  if (result.nothingToExport)
    return (
      <Box component="section" data-testid="facilita-result">
        {title(t('facilita.nothingTitle'))}
        <Alert severity="info">{t('facilita:failure.nothingToExport')}</Alert>
      </Box>
    );
  const rows = result.files.reduce((sum, file) => sum + file.rows, 0);
  return (
    <Box component="section" data-testid="facilita-result" sx={{ display: 'grid', gap: 2 }}>
      {title(t('facilita.resultTitle'))}
      <Typography>
        {t('facilita:exported', { rows, files: result.files.length, rejected: result.rejected.length })}
      </Typography>
      {result.files.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {result.files.map((file, index) => (
            <li key={file.filename}>
              {/* The file's name carries the site's code and a timestamp: the download keeps it, the page says which file. */}
              {`${t('facilita.file')} ${index + 1} — ${t('facilita.rows')}: ${format.number(file.rows)} — `}
              {result.exportId && <FileLinks exportId={result.exportId} file={file} part={index + 1} />}
            </li>
          ))}
        </ul>
      )}
      {result.skippedAlreadyExported > 0 && (
        <Typography>{t('facilita.skipped', { count: result.skippedAlreadyExported })}</Typography>
      )}
      {result.leftOutDemo > 0 && <Typography>{t('facilita.leftOutDemo', { count: result.leftOutDemo })}</Typography>}
      <HeldRows held={result.held} />
      <RejectedRows rejected={result.rejected} />
    </Box>
  );
};
