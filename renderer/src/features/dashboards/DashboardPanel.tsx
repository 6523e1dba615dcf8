import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardTable, TargetProgress } from '../../../../shared/domain/dashboards/dashboard.ts';
import { tableTitle } from '../../../../shared/domain/dashboards/labels.ts';
import { DashboardChart } from './DashboardChart.tsx';
import { DashboardTableView } from './DashboardTableView.tsx';
import { MonthlyTrend } from './MonthlyTrend.tsx';

/**
 * One table of the dashboards: chart or table view, and its XLSX and CSV downloads (the CSV's
 * button says its separator). The monthly table's chart is the trend against the targets.
 */
export const DashboardPanel = ({
  table,
  targets,
  today,
  onDownload,
}: {
  table: DashboardTable;
  targets: readonly TargetProgress[];
  today: string;
  onDownload: (format: 'csv' | 'xlsx') => void;
}) => {
  const { t } = useTranslation(['dashboards', 'journal']);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const title = tableTitle(t, table.id);
  const headingId = `dashboard-${table.id}`;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={view}
          onChange={(_event, next: 'chart' | 'table' | null) => next && setView(next)}
          aria-label={t('viewLabel', { table: title })}
        >
          <ToggleButton value="chart">{t('asChart')}</ToggleButton>
          <ToggleButton value="table">{t('asTable')}</ToggleButton>
        </ToggleButtonGroup>
        <Button
          variant="outlined"
          size="small"
          onClick={() => onDownload('xlsx')}
          aria-label={t('downloadXlsxLabel', { table: title })}
        >
          {t('downloadXlsx')}
        </Button>
        <Button
          variant="outlined"
          size="small"
          onClick={() => onDownload('csv')}
          aria-label={t('downloadCsvLabel', { table: title })}
        >
          {t('downloadCsv')}
        </Button>
      </Stack>
      {table.rows.length === 0 ? (
        <Typography>{t('empty')}</Typography>
      ) : view === 'chart' && table.id === 'monthly' ? (
        <MonthlyTrend table={table} targets={targets} today={today} />
      ) : view === 'chart' ? (
        <DashboardChart table={table} />
      ) : (
        <DashboardTableView table={table} />
      )}
    </Paper>
  );
};
