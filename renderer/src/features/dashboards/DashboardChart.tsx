import Box from '@mui/material/Box';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardTable } from '../../../../shared/domain/dashboards/dashboard.ts';
import { columnTitle, rowLabel, tableTitle } from '../../../../shared/domain/dashboards/labels.ts';
import { useFormats } from '../../i18n/use-formats.ts';

const ROW_REM = 2.5;

/** A horizontal bar chart of a table (labels stay readable at any length); autonomy shows its share only. */
export const DashboardChart = ({ table }: { table: DashboardTable }) => {
  const { t } = useTranslation(['dashboards', 'journal']);
  const formats = useFormats();
  const shown = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => (table.id === 'autonomy' ? column === 'sharePercent' : true));
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return (
    <Box role="img" aria-label={t('chartLabel', { table: tableTitle(t, table.id) })} sx={{ width: '100%' }}>
      <BarChart
        layout="horizontal"
        height={Math.round((table.rows.length * shown.length * ROW_REM + 6) * rem)}
        xAxis={[{ tickMinStep: 1, valueFormatter: (value: number) => formats.number(value) }]}
        yAxis={[
          {
            scaleType: 'band',
            data: table.rows.map((row) => rowLabel(t, table.id, row, formats.language)),
            width: 12 * rem,
          },
        ]}
        series={shown.map(({ column, index }) => ({
          label: columnTitle(t, column),
          data: table.rows.map((row) => row.values[index] ?? 0),
          valueFormatter: (value: number | null) => (value === null ? '' : formats.number(value)),
        }))}
      />
    </Box>
  );
};
