import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import { columnTitle, keyTitle, rowLabel, tableTitle } from '../../../shared/domain/dashboards/labels.ts';
import { csvField } from '../export/facilita/csv.ts';

/** A table as people read it: the header row, then one row per key with its name and numbers. */
export const tableCells = (t: TFunction, table: DashboardTable): (string | number)[][] => [
  [keyTitle(t, table.id), ...table.columns.map((column) => columnTitle(t, column))],
  ...table.rows.map((row) => [rowLabel(t, table.id, row), ...row.values]),
];

/** RFC 4180 CSV, CRLF line ends, with a BOM so spreadsheet programs read the accents right. */
export const tableCsv = (t: TFunction, table: DashboardTable): Buffer =>
  Buffer.from(
    '\uFEFF' +
      tableCells(t, table)
        .map((cells) => cells.map((cell) => csvField(String(cell))).join(','))
        .join('\r\n') +
      '\r\n',
    'utf8',
  );

/** An XLSX workbook with one sheet per table (sheet names are cut to Excel's 31 characters). */
export const tablesXlsx = async (t: TFunction, tables: readonly DashboardTable[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PassoPasso';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(
      tableTitle(t, table.id)
        .slice(0, 31)
        .replace(/[*?:\\/[\]]/g, ' '),
    );
    sheet.addRows(tableCells(t, table));
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(1).width = 40;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
