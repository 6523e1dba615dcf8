import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../rpc/app-failure.ts';
import { renderArchivePdf } from './archive-pdf.ts';
import { sha256Hex } from './build-export.ts';
import { readCsvRows } from './csv.ts';
import type { ExportEntry } from './registry.ts';
import { writeAllOrNothing } from './write-files.ts';

/**
 * The archive PDF of one exported CSV, made the first time it is asked for and kept beside the CSV.
 * It attests the CSV's SHA-256, so a CSV changed since the export is refused rather than signed.
 */
export const ensureArchive = async (entry: ExportEntry, file: ExportEntry['files'][number]): Promise<string> => {
  const path = join(entry.folder, file.archive);
  if (existsSync(path)) return path;
  if (!file.facts) throw new AppFailure('NOT_FOUND', 'This export has no archive facts', { reason: 'exportNotFound' });
  const csv = readFileSync(join(entry.folder, file.name), 'utf8');
  if (sha256Hex(csv) !== file.sha256) {
    throw new AppFailure('STORAGE', 'The CSV changed after it was exported', { reason: 'csvChanged' });
  }
  const rows = readCsvRows(csv);
  const pdf = await renderArchivePdf(
    { part: 0, csv, sha256: file.sha256, rows, recordIds: [], recordKinds: [], duplicateKeys: [] },
    file.facts,
  );
  writeAllOrNothing(entry.folder, [{ name: file.archive, content: pdf }]);
  return path;
};
