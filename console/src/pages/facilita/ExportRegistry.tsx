import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { FacilitaRegistryEntry } from '../../../../shared/console/names.ts';
import { useFormat } from '../../format.ts';
import { FileLinks } from './FileLinks.tsx';

const COLUMNS = ['exportedAt', 'period', 'by', 'files', 'origin', 'uploaded', 'conflict'] as const;

/** The organisation's one registry: hub and desk exports, with the upload mark (set here by who may export). */
export const ExportRegistry = ({
  entries,
  mayMark,
  onMark,
}: {
  entries: FacilitaRegistryEntry[];
  mayMark: boolean;
  onMark: (entry: FacilitaRegistryEntry) => void;
}) => {
  const { t } = useTranslation(['console', 'facilita']);
  const format = useFormat();
  const header = (column: (typeof COLUMNS)[number]) =>
    ({
      exportedAt: t('facilita:exportedAt'),
      period: t('facilita:period'),
      by: t('facilita.by'),
      files: t('facilita:files'),
      origin: t('facilita.origin'),
      uploaded: t('facilita:uploaded'),
      conflict: t('facilita.conflict'),
    })[column];
  if (entries.length === 0) return <Typography>{t('facilita:registryEmpty')}</Typography>;
  return (
    <TableContainer>
      <Table size="small">
        <caption>{t('facilita.registryIntro')}</caption>
        <TableHead>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableCell key={column} component="th" scope="col">
                {header(column)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell component="th" scope="row">
                {format.dateTime(entry.createdAt)}
              </TableCell>
              <TableCell>
                {t('facilita.period', { from: format.day(entry.periodFrom), to: format.day(entry.periodTo) })}
              </TableCell>
              {/* A desk's export names its operator by id: the desk's name (origin) says who. */}
              <TableCell>{entry.origin === 'hub' ? (entry.createdBy ?? '') : ''}</TableCell>
              <TableCell>
                <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                  {entry.files.map((file, index) => (
                    <li key={file.filename}>
                      {`${t('facilita.rows')}: ${format.number(file.rows)}`}
                      {entry.origin === 'hub' && (
                        <>
                          {' · '}
                          <FileLinks exportId={entry.id} file={file} part={index + 1} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </TableCell>
              <TableCell>
                {entry.origin === 'hub'
                  ? t('facilita.originHub')
                  : entry.deskName
                    ? t('facilita.originDesk', { name: entry.deskName })
                    : t('facilita.originDeskUnknown')}
              </TableCell>
              <TableCell>
                {entry.uploadedAt ? (
                  t('facilita:uploadedOn', { date: format.dateTime(entry.uploadedAt) })
                ) : mayMark ? (
                  <Button size="small" variant="outlined" onClick={() => onMark(entry)}>
                    {t('facilita:markUploaded')}
                  </Button>
                ) : (
                  t('facilita:notUploaded')
                )}
              </TableCell>
              <TableCell>{entry.conflict ? t('facilita.conflictYes') : t('facilita.conflictNo')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
