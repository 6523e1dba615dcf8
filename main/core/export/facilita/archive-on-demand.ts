import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../rpc/app-failure.ts';
import { renderArchivePdf } from './archive-pdf.ts';
import { sha256Hex } from './build-export.ts';
import { readCsvRows } from './csv.ts';
import type { ExportEntry } from './registry.ts';
import { writeAllOrNothing } from './write-files.ts';
import { readServizioCivileRows } from './xlsx.ts';

/**
 * The archive PDF of one exported CSV, made the first time it is asked for and kept beside the CSV.
 * It attests the CSV's SHA-256, so a CSV changed since the export is refused rather than signed.
 */
export const ensureArchive = async (entry: ExportEntry, file: ExportEntry['files'][number]): Promise<string> => {
  const path = join(entry.folder, file.archive);
  if (existsSync(path)) return path;
  if (!file.facts) throw new AppFailure('NOT_FOUND', 'This export has no archive facts', { reason: 'exportNotFound' });
  const content = readFileSync(join(entry.folder, file.name));
  if (sha256Hex(content) !== file.sha256) {
    throw new AppFailure('STORAGE', 'The CSV changed after it was exported', { reason: 'csvChanged' });
  }
  const rows = file.name.endsWith('.xlsx')
    ? await readServizioCivileRows(content)
    : readCsvRows(content.toString('utf8'));
  const pdf = await renderArchivePdf(
    { part: 0, sha256: file.sha256, rows, recordIds: [], recordKinds: [], duplicateKeys: [] },
    file.facts,
  );
  await writeAllOrNothing(entry.folder, [{ name: file.archive, content: pdf }]);
  return path;
};
