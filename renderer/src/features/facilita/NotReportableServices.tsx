import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { NotReportableRow } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { formatDay } from '../../../../shared/i18n/format-day.ts';
import { hrefOf } from '../../app/navigation.ts';
import { RecordLink } from './RecordLink.tsx';

/** Enough rows to see what they are; the rest are a filter away in History (a busy desk has hundreds). */
const ROWS_SHOWN = 50;

/**
 * The period's services that will never reach Facilita, apart from the rows to correct: how many,
 * each with its reason and a link to the record. They are services given, not errors.
 */
export const NotReportableServices = ({ rows }: { rows: readonly NotReportableRow[] }) => {
  const { t, i18n } = useTranslation('facilita');
  return (
    <section aria-labelledby="not-reportable-title">
      <Typography id="not-reportable-title" variant="h3" sx={{ mt: 2, mb: 1 }}>
        {t('notReportableTitle')}
      </Typography>
      {rows.length === 0 ? (
        <Typography sx={{ mb: 2 }}>{t('notReportableNone')}</Typography>
      ) : (
        <>
          <Typography sx={{ mb: 1 }} data-testid="not-reportable-count">
            {t('notReportableIntro', { count: rows.length })}
          </Typography>
          <Table size="small" aria-labelledby="not-reportable-title" sx={{ mb: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('notReportableDate')}</TableCell>
                <TableCell>{t('notReportableReasonColumn')}</TableCell>
                <TableCell>{t('record')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.slice(0, ROWS_SHOWN).map((row) => (
                <TableRow key={row.recordId}>
                  <TableCell>{formatDay(row.date, i18n.language)}</TableCell>
                  <TableCell>{t(`notReportableReason.${row.reason}`)}</TableCell>
                  <TableCell>
                    {row.citizen ? (
                      <Link href={hrefOf('journal/citizen', row.citizen.id)}>
                        {t('completeProfileOf', { name: row.citizen.name })}
                      </Link>
                    ) : (
                      <RecordLink row={row} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {rows.length > ROWS_SHOWN && (
            <Typography sx={{ mb: 2 }}>{t('notReportableMore', { count: rows.length - ROWS_SHOWN })}</Typography>
          )}
        </>
      )}
    </section>
  );
};
