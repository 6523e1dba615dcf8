import ExcelJS from 'exceljs';
import { readCsvCells } from '../../export/facilita/csv.ts';
import { invalid } from '../journal-context.ts';

/** One spreadsheet row, by the column it came from, with its number in the sheet (header = 1). */
export interface RosterLine {
  line: number;
  lastName: string;
  firstName: string;
  codiceFiscale: string;
  phone: string;
  email: string;
}

type Column = Exclude<keyof RosterLine, 'line'>;

/** Headers as trainers write them, Italian and English, compared without case, accents or punctuation. */
const HEADERS: Record<Column, readonly string[]> = {
  lastName: ['cognome', 'lastname', 'surname', 'familyname'],
  firstName: ['nome', 'firstname', 'name', 'givenname'],
  codiceFiscale: ['codicefiscale', 'cf', 'taxcode', 'fiscalcode', 'codfiscale', 'codfisc'],
  phone: ['telefono', 'cellulare', 'tel', 'phone', 'mobile', 'phonenumber'],
  email: ['email', 'mail', 'posta', 'postaelettronica', 'emailaddress'],
};

const headerKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const columnOf = (header: string): Column | undefined => {
  const key = headerKey(header);
  return (Object.keys(HEADERS) as Column[]).find((column) => HEADERS[column].includes(key));
};

/** CSV as spreadsheets save it; the separator is the header line's: Italian Excel writes `;`, others `,`. */
const csvCells = (text: string): string[][] => {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.slice(0, body.search(/\r?\n|$/));
  const semicolons = header.split(';').length;
  return readCsvCells(body, { separator: semicolons >= header.split(',').length ? ';' : ',' });
};

/** The first sheet's cells as text (numbers, dates and rich text as Excel shows them). */
const xlsxCells = async (bytes: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('file', 'roster_unreadable', 'The file is not a readable spreadsheet');
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as unknown[];
    rows[number - 1] = values.slice(1).map((value) => (value == null ? '' : String(cellText(value))));
  });
  return Array.from(rows, (row) => row ?? []);
};

const cellText = (value: unknown): string => {
  if (typeof value === 'object' && value !== null) {
    if ('richText' in value) return (value.richText as { text: string }[]).map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result);
  }
  return String(value);
};

/**
 * The roster's rows from a CSV or XLSX file (by its name's extension, else its first bytes: an
 * XLSX is a zip), by header name. A file without a codice fiscale column is refused at the file
 * field; rows with nothing in them are left out.
 */
export const readRosterFile = async (fileName: string, content: string): Promise<RosterLine[]> => {
  const bytes = Buffer.from(content, 'base64');
  const zipped = bytes.subarray(0, 2).toString('latin1') === 'PK';
  if (/\.xls$/i.test(fileName) && !zipped) throw invalid('file', 'roster_old_excel', 'Old .xls is not read');
  const cells = /\.xlsx$/i.test(fileName) || zipped ? await xlsxCells(bytes) : csvCells(bytes.toString('utf8'));
  const [header = [], ...rows] = cells;
  const columns = header.map((text) => columnOf(text.trim()));
  if (!columns.includes('codiceFiscale')) throw invalid('file', 'roster_no_codice_fiscale', 'No codice fiscale column');
  const lines: RosterLine[] = [];
  rows.forEach((cellsOfRow, index) => {
    const line: RosterLine = { line: index + 2, lastName: '', firstName: '', codiceFiscale: '', phone: '', email: '' };
    columns.forEach((column, at) => {
      if (column && !line[column]) line[column] = (cellsOfRow[at] ?? '').trim();
    });
    if (line.lastName || line.firstName || line.codiceFiscale || line.phone || line.email) lines.push(line);
  });
  if (lines.length === 0) throw invalid('file', 'roster_empty', 'No rows under the header');
  return lines;
};
