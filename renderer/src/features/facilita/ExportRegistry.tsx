import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ExportEntry } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { client } from '../../api/client.ts';
import { downloadBase64 } from './download.ts';

/** What was exported, when, by whom, and whether the referente uploaded it to Facilita. */
export const ExportRegistry = ({
  entries,
  referente,
  onChanged,
  onError,
}: {
  entries: readonly ExportEntry[];
  /** The files and the upload mark are the referente's (a coordinator); others see the registry only. */
  referente: boolean;
  onChanged: () => void;
  onError: (error: string) => void;
}) => {
  const { t } = useTranslation('facilita');
  const download = async (exportId: string, name: string) => {
    const result = await client.call('facilita.file', { exportId, name });
    if (result.ok) downloadBase64(result.value.name, result.value.mimeType, result.value.base64);
    else onError(t(`errors:code.${result.error.code}`));
  };
  const markUploaded = async (exportId: string) => {
    const result = await client.call('facilita.markUploaded', { exportId });
    if (result.ok) onChanged();
    else onError(t(`errors:code.${result.error.code}`));
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
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>
              {entry.periodFrom} – {entry.periodTo}
            </TableCell>
            <TableCell>{entry.createdAt.slice(0, 16).replace('T', ' ')}</TableCell>
            <TableCell>{entry.rowCount}</TableCell>
            <TableCell>
              <Stack spacing={0.5}>
                {!referente && entry.files.length}
                {referente &&
                  entry.files.map((file) => (
                    <Stack key={file.name} direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                      <Button size="small" onClick={() => void download(entry.id, file.name)}>
                        {t('downloadCsv', { part: entry.files.indexOf(file) + 1 })}
                      </Button>
                      <Button size="small" onClick={() => void download(entry.id, file.archive)}>
                        {t('downloadPdf', { part: entry.files.indexOf(file) + 1 })}
                      </Button>
                    </Stack>
                  ))}
              </Stack>
            </TableCell>
            <TableCell>
              {entry.uploadedAt ? (
                t('uploadedOn', { date: entry.uploadedAt.slice(0, 10) })
              ) : !referente ? (
                t('notUploaded')
              ) : (
                <Button size="small" variant="outlined" onClick={() => void markUploaded(entry.id)}>
                  {t('markUploaded')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
