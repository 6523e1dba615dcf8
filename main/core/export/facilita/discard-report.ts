import type { DiscardReason } from '../../../../shared/domain/facilita-export/facilita-export-options.ts';
import { FACILITA_COLUMNS } from '../../../../shared/facilita/codes.ts';
import { cleanField } from '../../../../shared/facilita/stored-text.ts';

/** One line of Facilita's "Report righe scartate": where the row was, why, and its fields (CF blanked). */
export interface DiscardLine {
  numeroRiga: number;
  note: string;
  fields: Partial<Record<(typeof FACILITA_COLUMNS)[number], string>>;
}

/** Any CSV Facilita hands out: comma or semicolon (read from the header), quotes, CRLF or LF, a BOM. */
export const parseDelimited = (text: string): string[][] => {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = () => {
    row.push(cell);
    if (row.some((value) => value !== '')) rows.push(row);
    row = [];
    cell = '';
  };
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted && char === '"' && body[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && char === separator) {
      row.push(cell);
      cell = '';
    } else if (!quoted && (char === '\n' || (char === '\r' && body[index + 1] === '\n'))) {
      if (char === '\r') index += 1;
      endRow();
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
};

/** The report's lines; null when it is not a discard report (no numeroRiga and note columns). */
export const readDiscardReport = (text: string): DiscardLine[] | null => {
  const [header, ...rows] = parseDelimited(text);
  const names = (header ?? []).map((name) => name.trim());
  const numberAt = names.findIndex((name) => name.toLowerCase() === 'numeroriga');
  const noteAt = names.findIndex((name) => name.toLowerCase() === 'note');
  if (numberAt < 0 || noteAt < 0) return null;
  return rows.flatMap((cells) => {
    const numeroRiga = Number((cells[numberAt] ?? '').trim());
    if (!Number.isInteger(numeroRiga)) return [];
    const fields: DiscardLine['fields'] = {};
    names.forEach((name, index) => {
      if ((FACILITA_COLUMNS as readonly string[]).includes(name))
        fields[name as (typeof FACILITA_COLUMNS)[number]] = cells[index] ?? '';
    });
    return [{ numeroRiga, note: (cells[noteAt] ?? '').trim(), fields }];
  });
};

/**
 * The columns that confirm a line is the row we think: what Facilita keeps unchanged. Not the
 * citizen's (blanked or anonymised) nor the ones it recomputes.
 */
const CONFIRMING = ['NominativoFacilitatore', 'NominativoSede', 'SE1', 'SE2', 'SE3', 'SE5', 'SE6', 'SE7'] as const;

const sameRow = (line: DiscardLine, row: readonly string[]): boolean =>
  CONFIRMING.every((column) => {
    const reported = line.fields[column];
    if (reported === undefined) return true;
    const ours = row[FACILITA_COLUMNS.indexOf(column)] ?? '';
    return cleanField(reported).toLowerCase() === cleanField(ours).toLowerCase();
  });

export interface DiscardMatch {
  /** numeroRiga − offset = the row's 0-based index among the file's data rows. */
  offset: number;
  matched: { line: DiscardLine; index: number }[];
  unmatched: number[];
}

/**
 * Matches the report's lines to the file's data rows. How Facilita numbers rows (from 0 or 1,
 * counting the header row or rows or not) is not documented, so every plausible offset is tried and
 * the one under which the lines' other fields agree with our rows wins; lines no offset confirms
 * are returned as unmatched, never guessed.
 */
export const matchDiscards = (
  lines: readonly DiscardLine[],
  rows: readonly (readonly string[])[],
  headerRows: number,
): DiscardMatch => {
  const offsets = [...new Set([0, 1, headerRows, headerRows + 1])];
  let best: DiscardMatch = { offset: 0, matched: [], unmatched: lines.map((line) => line.numeroRiga) };
  for (const offset of offsets) {
    const matched: DiscardMatch['matched'] = [];
    const unmatched: number[] = [];
    for (const line of lines) {
      const index = line.numeroRiga - offset;
      const row = rows[index];
      if (row && sameRow(line, row)) matched.push({ line, index });
      else unmatched.push(line.numeroRiga);
    }
    if (matched.length > best.matched.length) best = { offset, matched, unmatched };
  }
  return best;
};

/** Facilita's note → our reason (its sentences, with or without the apostrophe it writes as '). */
export const discardReasonOf = (note: string): DiscardReason => {
  const text = note.toLowerCase().replaceAll('’', "'");
  if (/facilitatore non e'? presente|facilitatore non è presente/.test(text)) return 'facilitatorNotFound';
  if (/sede non e'? presente|sede non è presente/.test(text)) return 'siteNotFound';
  if (/gia'? presente per il servizio|già presente per il servizio/.test(text)) return 'alreadyLoaded';
  if (/date di progetto/.test(text)) return 'outsideProject';
  if (/successiva al/.test(text)) return 'afterCutoff';
  if (/dati del cittadino/.test(text)) return 'citizenData';
  return 'other';
};
