import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { DashboardTable } from '../../../../shared/domain/dashboards/dashboard.ts';
import { columnTitle, keyTitle, rowLabel, tableTitle } from '../../../../shared/domain/dashboards/labels.ts';
import { useFormats } from '../../i18n/use-formats.ts';

/** The text alternative of a chart: the same figures as a table. */
export const DashboardTableView = ({ table }: { table: DashboardTable }) => {
  const { t } = useTranslation(['dashboards', 'journal']);
  const formats = useFormats();
  return (
    <Table size="small" aria-label={tableTitle(t, table.id)}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {keyTitle(t, table.id)}
          </TableCell>
          {table.columns.map((column) => (
            <TableCell key={column} component="th" scope="col" align="right">
              {columnTitle(t, column)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {table.rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere' }}>
              {rowLabel(t, table.id, row, formats.language)}
            </TableCell>
            {row.values.map((value, index) => (
              <TableCell key={table.columns[index]} align="right">
                {formats.number(value)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
