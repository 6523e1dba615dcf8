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
