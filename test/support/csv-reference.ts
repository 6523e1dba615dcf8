/**
 * A strict RFC 4180 reader for tests, written with a different technique from the exporter's own
 * reader (one sticky regular expression per field instead of a character loop), so a test that
 * reads the exporter's files with it does not trust the code it checks. It is stricter than the
 * product: every record must end with CRLF, a quote may only open or close a field, and anything
 * else throws with the offset.
 */
const FIELD = /(?:"((?:[^"]|"")*)"|([^",\r\n]*))(,|\r\n)/y;

export const readCsvStrict = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  FIELD.lastIndex = 0;
  while (FIELD.lastIndex < text.length) {
    const at = FIELD.lastIndex;
    const match = FIELD.exec(text);
    if (!match || match.index !== at) throw new Error(`Not RFC 4180 CSV at offset ${at}`);
    const [, quoted, plain, end] = match;
    record.push(quoted === undefined ? (plain ?? '') : quoted.replaceAll('""', '"'));
    if (end === '\r\n') {
      records.push(record);
      record = [];
    }
  }
  if (record.length > 0) throw new Error('The last record does not end with CRLF');
  return records;
};
