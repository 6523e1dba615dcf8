import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { DiscardedService } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { RecordLink } from './RecordLink.tsx';

/** The services Facilita discarded: its reason in plain words, what to do, a link to fix, where it stands. */
export const DiscardedServices = ({ rows, label }: { rows: readonly DiscardedService[]; label: string }) => {
  const { t } = useTranslation('facilita');
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('discard.row')}</TableCell>
          <TableCell>{t('discard.why')}</TableCell>
          <TableCell>{t('discard.todoTitle')}</TableCell>
          <TableCell>{t('discard.state')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.recordId}>
            <TableCell>
              <RecordLink row={row} /> {t('discard.rowNumber', { number: row.rowNumber })}
            </TableCell>
            <TableCell>
              {t(`discard.reason.${row.reason}`)}
              {row.reason === 'other' && ` «${row.note}»`}
            </TableCell>
            <TableCell>{t(`discard.todo.${row.reason}`)}</TableCell>
            <TableCell>{t(row.resent ? 'discard.resent' : row.fixed ? 'discard.fixed' : 'discard.toFix')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
