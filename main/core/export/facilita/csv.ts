import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { FACILITA_COLUMNS } from '../../../../shared/facilita/codes.ts';

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, and its quotes doubled. */
export const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * A whole Facilita file: the 33-column header, then the rows, CRLF line ends, UTF-8 without BOM
 * (a BOM would become part of the first header name and Facilita would not recognise it).
 */
export const toCsv = (rows: readonly (readonly string[])[]): string => csvLines([FACILITA_COLUMNS, ...rows]);

/** Rows as CSV lines, each ended by CRLF: a file is its header's line, then its rows' (in any number of pieces). */
export const csvLines = (rows: readonly (readonly string[])[]): string =>
  rows.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');

/** Rows written between two yields: 9,000 rows in one go held the app for tens of milliseconds. */
const ROWS_PER_SLICE = 1000;

/** `toCsv` and its SHA-256, a slice of rows at a time with a yield between slices. */
export const toCsvInSlices = async (rows: readonly (readonly string[])[]): Promise<{ csv: string; sha256: string }> => {
  const hash = createHash('sha256');
  const pieces = [csvLines([FACILITA_COLUMNS])];
  hash.update(pieces[0] ?? '', 'utf8');
  for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
    const piece = csvLines(rows.slice(start, start + ROWS_PER_SLICE));
    hash.update(piece, 'utf8');
    pieces.push(piece);
    await yieldToEventLoop();
  }
  return { csv: pieces.join(''), sha256: hash.digest('hex') };
};

/**
 * Every row's cells, the header's included (RFC 4180 quotes). Facilita's files (the default) end
 * each row with CRLF and may hold LF inside quotes; a trainer's spreadsheet (`spreadsheet`) may use
 * `;` (Italian Excel) and end rows with a bare LF, its last row perhaps with none.
 */
export const readCsvCells = (text: string, spreadsheet?: { separator: ',' | ';' }): string[][] => {
  const separator = spreadsheet?.separator ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const crlf = char === '\r' && text[index + 1] === '\n';
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === separator) {
      row.push(cell);
      cell = '';
    } else if (!quoted && (crlf || (spreadsheet && char === '\n'))) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (crlf) index += 1;
    } else {
      cell += char;
    }
  }
  if (spreadsheet && (cell !== '' || row.length > 0)) rows.push([...row, cell]);
  return rows;
};

/** Reads back a file `toCsv` wrote (RFC 4180, CRLF rows, LF allowed inside quotes): header row dropped. */
export const readCsvRows = (text: string): string[][] => readCsvCells(text).slice(1);
