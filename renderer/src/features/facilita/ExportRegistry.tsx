import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscardedService, ExportEntry } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { formatDay, formatMoment } from '../../../../shared/i18n/format-day.ts';
import type { AppError } from '../../../../shared/contract/result.ts';
import { client } from '../../api/client.ts';
import { DiscardedServices } from './DiscardedServices.tsx';
import { downloadBase64 } from './download.ts';
import { HubExportRow, HubStateLine } from './RegistryOrigin.tsx';

/** A button that opens the file picker (a real button, so the keyboard reaches it), for one CSV. */
const ReportPicker = ({ label, onFile }: { label: string; onFile: (file: File | undefined) => void }) => {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        hidden
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
    </>
  );
};

/**
 * What was exported, when, whether it was uploaded, and what Facilita made of it: its discard
 * report imported per file, the discarded services, the rectification file, the reconciliation.
 */
export const ExportRegistry = ({
  entries,
  referente,
  onChanged,
  onError,
  onMessage,
}: {
  entries: readonly ExportEntry[];
  /** The files and the upload mark are the referente's (a coordinator); others see the registry only. */
  referente: boolean;
  onChanged: () => void;
  onError: (error: AppError) => void;
  onMessage: (message: string) => void;
}) => {
  const { t, i18n } = useTranslation('facilita');
  const [discards, setDiscards] = useState<Record<string, DiscardedService[]>>({});
  const day = (value: string) => formatDay(value, i18n.language);
  const at = (value: string) => formatMoment(value, i18n.language);

  const download = async (exportId: string, name: string) => {
    const result = await client.call('facilita.file', { exportId, name });
    if (result.ok) downloadBase64(result.value.name, result.value.mimeType, result.value.base64);
    else onError(result.error);
  };
  const markUploaded = async (exportId: string) => {
    const result = await client.call('facilita.markUploaded', { exportId });
    if (result.ok) onChanged();
    else onError(result.error);
  };
  const showDiscards = async (exportId: string) => {
    const result = await client.call('facilita.discards', { exportId });
    if (result.ok) setDiscards((known) => ({ ...known, [exportId]: result.value.discards }));
    else onError(result.error);
  };
  const importReport = async (exportId: string, fileName: string, file: File | undefined) => {
    if (!file) return;
    const result = await client.call('facilita.importDiscards', { exportId, fileName, report: await file.text() });
    if (!result.ok) return onError(result.error);
    setDiscards((known) => ({ ...known, [exportId]: result.value.discards }));
    onMessage(
      t('discard.imported', {
        matched: result.value.matched,
        unmatched: result.value.unmatched.length,
        first: result.value.firstDataRowNumber,
      }),
    );
    onChanged();
  };
  const rectify = async (exportId: string) => {
    const result = await client.call('facilita.exportRectification', { exportId });
    if (!result.ok) return onError(result.error);
    onMessage(t('discard.rectified', { count: result.value.files.reduce((sum, file) => sum + file.rows, 0) }));
    await showDiscards(exportId);
    onChanged();
  };

  if (entries.length === 0) return <Typography>{t('registryEmpty')}</Typography>;
  return (
    <Table size="small" aria-label={t('registryTitle')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('period')}</TableCell>
          <TableCell>{t('exportedAt')}</TableCell>
          <TableCell>{t('rows')}</TableCell>
          <TableCell>{t('files')}</TableCell>
          <TableCell>{t('uploaded')}</TableCell>
          <TableCell>{t('discard.reconciliationTitle')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const { reconciliation } = entry;
          const shown = discards[entry.id];
          if (entry.origin === 'hub') return <HubExportRow key={entry.id} entry={entry} />;
          return (
            <Fragment key={entry.id}>
              <TableRow>
                <TableCell>
                  {day(entry.periodFrom)} – {day(entry.periodTo)}
                  {entry.rectifies && <Typography variant="body2">{t('discard.isRectification')}</Typography>}
                </TableCell>
                <TableCell>
                  {at(entry.createdAt)}
                  <HubStateLine entry={entry} />
                </TableCell>
                <TableCell>{entry.rowCount}</TableCell>
                <TableCell>
                  <Stack spacing={0.5}>
                    {!referente && entry.files.length}
                    {referente &&
                      entry.files.map((file, index) => (
                        <Stack key={file.name} direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                          <Button size="small" onClick={() => void download(entry.id, file.name)}>
                            {t(file.name.endsWith('.xlsx') ? 'downloadXlsx' : 'downloadCsv', { part: index + 1 })}
                          </Button>
                          <Button size="small" onClick={() => void download(entry.id, file.archive)}>
                            {t('downloadPdf', { part: index + 1 })}
                          </Button>
                          <ReportPicker
                            label={t('discard.import', { part: index + 1 })}
                            onFile={(picked) => void importReport(entry.id, file.name, picked)}
                          />
                        </Stack>
                      ))}
                  </Stack>
                </TableCell>
                <TableCell>
                  {entry.uploadedAt ? (
                    t('uploadedOn', { date: day(entry.uploadedAt) })
                  ) : !referente ? (
                    t('notUploaded')
                  ) : (
                    <Button size="small" variant="outlined" onClick={() => void markUploaded(entry.id)}>
                      {t('markUploaded')}
                    </Button>
                  )}
                </TableCell>
                <TableCell>
                  <Typography variant="body2">
                    {reconciliation.loaded === null
                      ? t('discard.noReport', { sent: reconciliation.sent })
                      : t('discard.reconciliation', { ...reconciliation })}
                  </Typography>
                  {referente && reconciliation.discarded > 0 && (
                    <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
                      <Button size="small" onClick={() => void showDiscards(entry.id)}>
                        {t('discard.show')}
                      </Button>
                      <Button size="small" variant="outlined" onClick={() => void rectify(entry.id)}>
                        {t('discard.rectify')}
                      </Button>
                    </Stack>
                  )}
                </TableCell>
              </TableRow>
              {shown && shown.length > 0 && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <DiscardedServices rows={shown} label={t('discard.title', { period: day(entry.periodFrom) })} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
};
