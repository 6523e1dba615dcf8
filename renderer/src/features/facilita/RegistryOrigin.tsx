import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ExportEntry } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import type { AppError } from '../../../../shared/contract/result.ts';
import {
  alreadyExportedSentence,
  exportedByPhrase,
  type EarlierExport,
} from '../../../../shared/facilita/already-exported.ts';
import { formatDay } from '../../../../shared/i18n/format-day.ts';

/**
 * What the hub made of this desk's export: recorded in the organisation's registry, or a conflict
 * — some of its services had gone out in an export the hub recorded first (docs/architecture.md §4).
 */
export const HubStateLine = ({ entry }: { entry: ExportEntry }) => {
  const { t, i18n } = useTranslation('facilita');
  const { conflict } = entry.hub;
  if (entry.hub.state === 'recorded') return <Typography variant="body2">{t('hubState.recorded')}</Typography>;
  if (entry.hub.state !== 'conflict' || !conflict) return null;
  return (
    <Alert severity="warning" sx={{ mt: 0.5 }}>
      {t('hubState.conflict', {
        count: conflict.services,
        date: formatDay(conflict.exportedAt, i18n.language),
        by: exportedByPhrase(t, { origin: conflict.origin, by: conflict.by }),
      })}
    </Alert>
  );
};

/** A hub export of this site's services: when and by whom; its files are at the hub. */
export const HubExportRow = ({ entry }: { entry: ExportEntry }) => {
  const { t, i18n } = useTranslation('facilita');
  const day = (value: string) => formatDay(value, i18n.language);
  return (
    <TableRow>
      <TableCell>
        {day(entry.periodFrom)} – {day(entry.periodTo)}
      </TableCell>
      <TableCell>
        {entry.createdBy
          ? t('origin.hubNamed', { date: day(entry.createdAt), name: entry.createdBy })
          : t('origin.hub', { date: day(entry.createdAt) })}
      </TableCell>
      <TableCell>{entry.rowCount}</TableCell>
      <TableCell>{entry.files.length}</TableCell>
      <TableCell>–</TableCell>
      <TableCell>–</TableCell>
    </TableRow>
  );
};

/**
 * "Nothing to export" because earlier exports hold the period's services: which, when, by whom —
 * this desk, the hub or another desk — and the way to include them again.
 */
export const AlreadyExportedNotice = ({
  failure,
  onIncludeAgain,
}: {
  failure: AppError;
  onIncludeAgain: () => void;
}) => {
  const { t, i18n } = useTranslation('facilita');
  const skipped = Number(failure.details?.['skippedAlreadyExported'] ?? 0);
  const earlier = (failure.details?.['earlier'] ?? null) as EarlierExport | null;
  return (
    <Alert
      severity="info"
      action={
        <Button color="inherit" size="small" onClick={onIncludeAgain}>
          {t('includeAgain')}
        </Button>
      }
    >
      {alreadyExportedSentence(t, i18n.language, skipped, earlier)}
    </Alert>
  );
};

/** A failure that the notice above explains better than the plain "nothing to export". */
export const isAlreadyExported = (failure: AppError): boolean =>
  failure.details?.['reason'] === 'nothingToExport' && Number(failure.details['skippedAlreadyExported'] ?? 0) > 0;
