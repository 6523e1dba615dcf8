import ExcelJS from 'exceljs';
import { FACILITA_COLUMNS } from '../../../../shared/facilita/codes.ts';

/**
 * Facilita skips this many rows of a Servizio Civile Excel unchecked (after dropping blank ones):
 * fewer, or a blank one among them, and data rows are silently lost.
 */
export const SERVIZIO_CIVILE_HEADER_ROWS = 3;

/** Column letters A…AG, the 33 fields by position. */
const columnLetter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : `A${String.fromCharCode(65 + index - 26)}`;

const headerRows = (title: string): string[][] => [
  FACILITA_COLUMNS.map((_, index) => (index === 0 ? title : '-')),
  FACILITA_COLUMNS.map((_, index) => columnLetter(index)),
  [...FACILITA_COLUMNS],
];

/**
 * The Servizio Civile Digitale (measure 1.7.1) upload: the first and only sheet, three non-blank
 * header rows, then one row per service with the 33 fields in CSV order in columns A–AG. Facilita
 * reads cells as displayed text, so every cell is a text cell ('@'): SE1 shows `yyyy-mm-dd` and SE2
 * `hh:mm` exactly, never as a date or time Excel would reformat.
 */
export const toServizioCivileXlsx = async (rows: readonly (readonly string[])[], title: string): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PassoPasso';
  const sheet = workbook.addWorksheet('Servizi');
  sheet.columns = FACILITA_COLUMNS.map((name) => ({ key: name, width: 14, style: { numFmt: '@' } }));
  // Each new cell takes its column's style, so every cell of A–AG is a text cell.
  for (const cells of headerRows(title)) sheet.addRow([...cells]);
  for (const cells of rows) sheet.addRow([...cells]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The data rows of a file `toServizioCivileXlsx` wrote (its header rows dropped), each cell as text. */
export const readServizioCivileRows = async (content: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row, number) => {
    if (number <= SERVIZIO_CIVILE_HEADER_ROWS) return;
    rows.push(FACILITA_COLUMNS.map((_, index) => String(row.getCell(index + 1).value ?? '')));
  });
  return rows;
};
