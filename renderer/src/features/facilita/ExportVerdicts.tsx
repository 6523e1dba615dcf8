import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type {
  CutoffInForce,
  ExportWarning,
  HeldRow,
} from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { formatDay, formatMonth } from '../../../../shared/i18n/format-day.ts';
import { cutoffText } from '../../../../shared/facilita/cutoff-text.ts';
import { hrefOf } from '../../app/navigation.ts';

const recordHref = (row: HeldRow) =>
  row.recordKind === 'session'
    ? hrefOf('journal/session', row.recordId)
    : hrefOf('journal/workshop', row.parentId ?? row.recordId);

/** The cut-off the check applied and where it came from (default, or who entered it and when). */
export const CutoffLine = ({ cutoff }: { cutoff: CutoffInForce | null }) => {
  const { t, i18n } = useTranslation('facilita');
  const text = cutoffText(t, cutoff, i18n.language);
  return (
    <Typography sx={{ mb: 1 }}>
      <strong>{t('archive.cutoff')}:</strong> {text}
    </Typography>
  );
};

/**
 * Rows held back: those after the cut-off counted by month ("12 December services become
 * uploadable once Facilita moves its cut-off"), those waiting for a birthday one by one.
 */
export const HeldRows = ({ rows }: { rows: readonly HeldRow[] }) => {
  const { t, i18n } = useTranslation('facilita');
  if (rows.length === 0) return null;
  const byMonth = new Map<string, number>();
  for (const row of rows)
    if (row.hold.reason === 'afterCutoff') {
      const month = row.hold.date.slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
  const monthName = (month: string) => formatMonth(month, i18n.language);
  const birthdays = rows.filter((row) => row.hold.reason === 'notYetOfAge');
  return (
    <Stack component="section" aria-labelledby="held-title" spacing={1} sx={{ mb: 2 }}>
      <Typography id="held-title" variant="h3">
        {t('heldTitle', { count: rows.length })}
      </Typography>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {[...byMonth].map(([month, count]) => (
          <li key={month}>{t('hold.afterCutoff', { count, month: monthName(month) })}</li>
        ))}
        {birthdays.map((row) => (
          <li key={row.recordId}>
            <Link href={recordHref(row)}>{t(row.recordKind === 'session' ? 'openSession' : 'openWorkshop')}</Link>
            {': '}
            {t('hold.notYetOfAge', {
              from: row.hold.reason === 'notYetOfAge' ? formatDay(row.hold.from, i18n.language) : '',
            })}
          </li>
        ))}
      </ul>
    </Stack>
  );
};

/** What Facilita would load but should be looked at first (facilitators its server cannot find…). */
export const ExportWarnings = ({ warnings }: { warnings: readonly ExportWarning[] }) => {
  const { t } = useTranslation('facilita');
  if (warnings.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {warnings.map((warning) => (
          <li key={`${warning.code}:${warning.facilitator ?? ''}`}>
            {t(`warning.${warning.code}`, { facilitator: warning.facilitator ?? '', count: warning.count })}
          </li>
        ))}
      </ul>
    </Alert>
  );
};
