import type { TFunction } from 'i18next';
import type { RosterRow } from '../../../../shared/domain/journal/roster.ts';

/** A file's bytes as base64, for the contract (chunked: a spread of a whole file overflows the stack). */
export const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
};

/**
 * What importing a row does, in people's words: the roster's own sentence for a problem (field
 * and code), else the journal's sentence for the code, else what to write in that field.
 */
export const rowOutcome = (t: TFunction, row: RosterRow): string => {
  if (row.status === 'invalid') {
    return row.problems
      .map(
        ({ field, code }) =>
          t(`roster.problem.${field}_${code}`, { defaultValue: '' }) ||
          t(`fieldErrors.${code}`, { defaultValue: '' }) ||
          t(`fieldHints.${field}`),
      )
      .join(' ');
  }
  return t(`roster.status.${row.status}`, { name: row.name ?? '', line: row.repeatsLine ?? 0 });
};
