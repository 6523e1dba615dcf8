import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../rpc/app-failure.ts';
import { readCsvRows } from './csv.ts';
import { discardReasonOf, matchDiscards, readDiscardReport } from './discard-report.ts';
import type { DiscardStore } from './discards.ts';
import type { FacilitaSource } from './export-service.ts';
import type { ExportEntry, ExportRegistry } from './registry.ts';
import { readServizioCivileRows, SERVIZIO_CIVILE_HEADER_ROWS } from './xlsx.ts';

const notFound = () => new AppFailure('NOT_FOUND', 'No such export file', { reason: 'exportNotFound' });
const reportIssue = (code: string, message: string) =>
  new AppFailure('VALIDATION', message, { issues: [{ path: 'report', code, message }] });

/** The data rows of one exported file as it was written (CSV or the Servizio Civile Excel). */
const storedRows = async (entry: ExportEntry, name: string): Promise<string[][]> => {
  const content = readFileSync(join(entry.folder, name));
  return name.endsWith('.xlsx') ? await readServizioCivileRows(content) : readCsvRows(content.toString('utf8'));
};

/**
 * Facilita's discard report for one file of an export: every line matched to the row it names
 * (by number, confirmed by its fields), each service marked discarded with its reason. Lines that
 * match nothing are returned, never guessed; a report that matches no row at all changes nothing.
 */
export const importDiscards = async (
  registry: ExportRegistry,
  discards: DiscardStore,
  input: { exportId: string; fileName: string; report: string },
  now: Date,
) => {
  const entry = registry.get(input.exportId);
  const index = entry?.files.findIndex((file) => file.name === input.fileName) ?? -1;
  if (!entry || index < 0) throw notFound();
  const lines = readDiscardReport(input.report);
  if (!lines) throw reportIssue('notDiscardReport', 'This is not a Facilita discard report (no numeroRiga, note)');
  const rows = await storedRows(entry, input.fileName);
  const records = registry.recordsOfFile(entry.id, index + 1);
  const headerRows = input.fileName.endsWith('.xlsx') ? SERVIZIO_CIVILE_HEADER_ROWS : 1;
  const match = matchDiscards(lines, rows, headerRows);
  if (lines.length > 0 && match.matched.length === 0)
    throw reportIssue('discardReportMismatch', 'No line of the report matches a row of this file');
  discards.record(
    entry.id,
    input.fileName,
    match.matched.flatMap(({ line, index: at }) => {
      const record = records[at];
      return record
        ? [
            {
              recordId: record.recordId,
              kind: record.kind,
              rowNumber: line.numeroRiga,
              reason: discardReasonOf(line.note),
              note: line.note,
            },
          ]
        : [];
    }),
    now.toISOString(),
  );
  return {
    matched: match.matched.length,
    unmatched: match.unmatched,
    firstDataRowNumber: match.offset,
    discards: discards.list(entry.id),
    reconciliation: discards.reconciliation(entry.id, entry.rowCount),
  };
};

/**
 * The source of a rectification: the export's period, reduced to the discarded services to send
 * again (read afresh from the journal, so the corrections are in).
 */
export const rectificationSource = (source: FacilitaSource, recordIds: ReadonlySet<string>): FacilitaSource => ({
  period(from, to) {
    const period = source.period(from, to);
    const records = [...period.records].filter((record) => recordIds.has(record.recordId));
    return { ...period, records, total: records.length };
  },
  ...(source.markExported ? { markExported: source.markExported.bind(source) } : {}),
});

export const nothingToRectify = () =>
  new AppFailure('VALIDATION', 'No discarded row is ready to be sent again', { reason: 'nothingToRectify' });
