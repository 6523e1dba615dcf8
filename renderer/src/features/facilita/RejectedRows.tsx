import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RejectedRow } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { RecordLink } from './RecordLink.tsx';

/** Rows Facilita would reject, each with every reason and a link that opens the record to fix it. */
export const RejectedRows = ({ rows }: { rows: readonly RejectedRow[] }) => {
  const { t } = useTranslation('facilita');
  if (rows.length === 0) return <Typography>{t('noRejected')}</Typography>;
  return (
    <Table size="small" aria-label={t('rejectedTitle')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('record')}</TableCell>
          <TableCell>{t('reasons')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.recordId}>
            <TableCell>
              <RecordLink row={row} />
            </TableCell>
            <TableCell>
              <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                {row.reasons.map((reason) => (
                  <li key={reason.code}>
                    {t(`reason.${reason.code}`)} ({reason.column})
                  </li>
                ))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
