import { FACILITA_COLUMNS } from '../../../../shared/facilita/codes.ts';

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, and its quotes doubled. */
export const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * A whole Facilita file: the 33-column header, then the rows, CRLF line ends, UTF-8 without BOM
 * (a BOM would become part of the first header name and Facilita would not recognise it).
 */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  [FACILITA_COLUMNS, ...rows].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';

/** Reads back a file `toCsv` wrote (RFC 4180, CRLF rows, LF allowed inside quotes): header row dropped. */
export const readCsvRows = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else {
      cell += char;
    }
  }
  return rows.slice(1);
};
