import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import { columnTitle, keyTitle, rowLabel, tableTitle } from '../../../shared/domain/dashboards/labels.ts';
import { csvField } from '../export/facilita/csv.ts';

/** A table as people read it: the header row, then one row per key with its name (months in words) and numbers. */
export const tableCells = (t: TFunction, language: string, table: DashboardTable): (string | number)[][] => [
  [keyTitle(t, table.id), ...table.columns.map((column) => columnTitle(t, column))],
  ...table.rows.map((row) => [rowLabel(t, table.id, row, language), ...row.values]),
];

/**
 * The CSV as the person's spreadsheet opens it with a double click: Excel reads a CSV with the
 * list separator and decimal mark of the computer's region, so Italian gets semicolons and a
 * decimal comma ("33,3"), English commas and a decimal point. Numbers are never grouped (a
 * grouped "1.200" would be read back as 1.2); a BOM so the accents come out right; CRLF ends.
 */
export const tableCsv = (t: TFunction, language: string, table: DashboardTable): Buffer => {
  const italian = language.toLowerCase().startsWith('it');
  const separator = italian ? ';' : ',';
  const number = new Intl.NumberFormat(italian ? 'it' : 'en', { useGrouping: false, maximumFractionDigits: 2 });
  const field = (cell: string | number) => (typeof cell === 'number' ? number.format(cell) : quoted(cell, separator));
  return Buffer.from(
    '\uFEFF' +
      tableCells(t, language, table)
        .map((cells) => cells.map(field).join(separator))
        .join('\r\n') +
      '\r\n',
    'utf8',
  );
};

/** RFC 4180 quoting, and a text holding the separator (a semicolon in Italian) quoted too. */
const quoted = (text: string, separator: string) =>
  text.includes(separator) && !text.includes('"') ? `"${text}"` : csvField(text);

/** An XLSX workbook with one sheet per table (sheet names are cut to Excel's 31 characters). */
export const tablesXlsx = async (
  t: TFunction,
  language: string,
  tables: readonly DashboardTable[],
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PassoPasso';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(
      tableTitle(t, table.id)
        .slice(0, 31)
        .replace(/[*?:\\/[\]]/g, ' '),
    );
    sheet.addRows(tableCells(t, language, table));
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(1).width = 40;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
