import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { FACILITA_COLUMNS } from '../../../../shared/facilita/codes.ts';
import { zipFiles } from './zip.ts';

/**
 * Facilita skips this many rows of a Servizio Civile Excel unchecked (after dropping blank ones):
 * fewer, or a blank one among them, and data rows are silently lost.
 */
export const SERVIZIO_CIVILE_HEADER_ROWS = 3;

/** Column letters A…AG, the 33 fields by position. */
const columnLetter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : `A${String.fromCharCode(65 + index - 26)}`;

const COLUMN_LETTERS = FACILITA_COLUMNS.map((_, index) => columnLetter(index));

const headerRows = (title: string): string[][] => [
  FACILITA_COLUMNS.map((_, index) => (index === 0 ? title : '-')),
  FACILITA_COLUMNS.map((_, index) => columnLetter(index)),
  [...FACILITA_COLUMNS],
];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The workbook around the sheet: one sheet, one text style (number format 49, '@'). */
const PACKAGE_PARTS = [
  {
    name: '[Content_Types].xml',
    content: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  },
  {
    name: '_rels/.rels',
    content: `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  },
  {
    name: 'docProps/core.xml',
    content: `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>PassoPasso</dc:creator></cp:coreProperties>`,
  },
  {
    name: 'xl/workbook.xml',
    content: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Servizi" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    content: `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  },
  {
    name: 'xl/styles.xml',
    content: `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  },
];

const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** What XML 1.0 cannot hold (control characters but tab, line feed and carriage return) is dropped. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["&'<>\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const xmlText = (text: string): string => text.replace(NEEDS_ESCAPE, (char) => ESCAPES[char] ?? '');

/** Rows of XML built between two yields (a 9,000-row sheet is ~10 MB of text). */
const ROWS_PER_SLICE = 1500;

/**
 * The Servizio Civile Digitale (measure 1.7.1) upload: the first and only sheet, three non-blank
 * header rows, then one row per service with the 33 fields in CSV order in columns A–AG. Facilita
 * reads cells as displayed text, so every cell is a text cell ('@', number format 49) holding a
 * shared string, and so is every column: SE1 shows `yyyy-mm-dd` and SE2 `hh:mm` exactly, never as a
 * date or time Excel would reformat. The sheet's XML is written directly (a spreadsheet library
 * took ~1.5 s for 9,000 rows, most of it building a model of every cell), and the file is the same
 * bytes for the same rows.
 */
export const toServizioCivileXlsx = async (rows: readonly (readonly string[])[], title: string): Promise<Buffer> => {
  const strings = new Map<string, number>();
  const all = [...headerRows(title), ...rows];
  const lastColumn = columnLetter(FACILITA_COLUMNS.length - 1);
  const sheet: string[] = [
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><dimension ref="A1:${lastColumn}${all.length}"/>`,
    `<cols><col min="1" max="${FACILITA_COLUMNS.length}" width="14" style="1" customWidth="1"/></cols><sheetData>`,
  ];
  let cellCount = 0;
  for (let start = 0; start < all.length; start += ROWS_PER_SLICE) {
    for (let index = start; index < Math.min(all.length, start + ROWS_PER_SLICE); index += 1) {
      const number = index + 1;
      let row = `<row r="${number}">`;
      FACILITA_COLUMNS.forEach((_, column) => {
        const text = all[index]?.[column] ?? '';
        let id = strings.get(text);
        if (id === undefined) {
          id = strings.size;
          strings.set(text, id);
        }
        row += `<c r="${COLUMN_LETTERS[column] ?? ''}${number}" s="1" t="s"><v>${id}</v></c>`;
        cellCount += 1;
      });
      sheet.push(`${row}</row>`);
    }
    await yieldToEventLoop();
  }
  sheet.push('</sheetData></worksheet>');
  const shared: string[] = [`${XML}<sst xmlns="${MAIN}" count="${cellCount}" uniqueCount="${strings.size}">`];
  for (const text of strings.keys()) {
    // Leading or trailing spaces, and line breaks, are kept only when the text says so.
    const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
    shared.push(`<si><t${preserve}>${xmlText(text)}</t></si>`);
  }
  shared.push('</sst>');
  return zipFiles([
    ...PACKAGE_PARTS,
    { name: 'xl/worksheets/sheet1.xml', content: sheet.join('') },
    { name: 'xl/sharedStrings.xml', content: shared.join('') },
  ]);
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
