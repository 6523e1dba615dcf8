import { renderArchivePdf } from '../../main/core/export/facilita/archive-pdf.ts';
import { cutoffOf } from '../../main/core/export/facilita/cutoff.ts';
import type { BuiltFile } from './facilita.ts';

export interface ArchiveOf {
  /** The CSV it attests. */
  filename: string;
  archive: string;
  pdf: Buffer;
}

/** The archive PDF's name: the file's (CSV or Excel), as on a desk (`file-names.ts`). */
export const archiveName = (fileName: string) => fileName.replace(/\.(csv|xlsx)$/, '.pdf');

/**
 * The archive PDF of every file of a hub export — the desk's own module (`archive-pdf.ts`): the same
 * facts, the same table of rows, the same SHA-256 line and signature block, so a referente signs one
 * kind of document whichever side exported.
 */
export const renderArchives = async (
  files: readonly BuiltFile[],
  facts: { language: string; period: { from: string; to: string }; organisation: string; by: string; at: Date },
): Promise<ArchiveOf[]> => {
  const archives: ArchiveOf[] = [];
  for (const file of files) {
    const pdf = await renderArchivePdf(
      { part: 0, rows: file.table, sha256: file.sha256, recordIds: [], recordKinds: [], duplicateKeys: [] },
      {
        language: facts.language,
        fileName: file.filename,
        periodFrom: facts.period.from,
        periodTo: facts.period.to,
        site: file.site,
        organisation: facts.organisation,
        exportedBy: facts.by,
        exportedAt: facts.at.toISOString().slice(0, 16).replace('T', ' '),
        rejectedCount: file.rejectedCount,
        heldCount: file.heldCount,
        cutoff: cutoffOf(file.rules),
        measure: file.rules.measure ?? '1.7.2',
      },
    );
    archives.push({ filename: file.filename, archive: archiveName(file.filename), pdf });
  }
  return archives;
};
