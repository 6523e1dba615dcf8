import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import { renderArchivePdf, type ArchiveFacts } from './archive-pdf.ts';
import { FacilitaExportBuilder, renderPart, type ExportFile, type RejectedRecord } from './build-export.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';
import { exportFileName } from './file-names.ts';
import type { ExportEntry, ExportRegistry } from './registry.ts';
import { assertWritableFolder, removeFiles, writeAllOrNothing } from './write-files.ts';

/** Where the services of a period come from (the journal, on a desk; the hub's tables, for a referente). */
export interface FacilitaSource {
  period(
    from: string,
    to: string,
  ): {
    records: Iterable<FacilitaServiceRecord>;
    /** How many records `records` will yield, for progress. */
    total: number;
    rules: ExportRules;
    site: { id: string; name: string };
    organisation: string;
  };
  /** Told which records went out, once the export is recorded (the journal's retention needs it). */
  markExported?(records: readonly { id: string; kind: FacilitaServiceRecord['recordKind'] }[], at: string): void;
}

export interface ExportRequest {
  from: string;
  to: string;
  folder: string;
  /** Export again rows that an earlier export already holds (the referente asked for it). */
  includeAlreadyExported: boolean;
  language: string;
  exportedBy: { id: string | null; name: string };
}

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOutcome {
  exportId: string;
  files: ExportEntry['files'];
  rejected: RejectedRecord[];
  skippedAlreadyExported: number;
}

/** Records handled between two yields: keeps each synchronous stretch well under ~50 ms. */
const CHUNK = 500;

const cancelled = () => new AppFailure('CONFLICT', 'The export was cancelled', { reason: 'cancelled' });

/**
 * One Facilita export: pre-validate, split, write the CSV files (all or nothing) and their archive PDFs
 * (now, or on demand: see `archives`),
 * then record it in the registry. Cancelling, or any failure, leaves no file and no registry entry.
 */
export const runFacilitaExport = async (
  request: ExportRequest,
  dependencies: { source: FacilitaSource; registry: ExportRegistry; now: () => Date },
  options: {
    onProgress?: (progress: ExportProgress) => void;
    signal?: AbortSignal;
    /**
     * 'onDemand' (the app): the archive PDFs are made when the referente asks for them, so an
     * export of 100k rows takes seconds, not the ~1 s per 9,000-row table pdfkit needs.
     * 'withExport' (the command line, for automation): every PDF is written with its CSV.
     */
    archives?: 'onDemand' | 'withExport';
  } = {},
): Promise<ExportOutcome> => {
  const { source, registry, now } = dependencies;
  if (request.from > request.to) {
    throw new AppFailure('VALIDATION', 'The period ends before it starts', {
      issues: [{ path: 'to', code: 'periodOrder', message: 'The period ends before it starts' }],
    });
  }
  assertWritableFolder(request.folder);
  const period = source.period(request.from, request.to);
  const earlier = registry.snapshot();
  const builder = new FacilitaExportBuilder(
    period.rules,
    (key) => !request.includeAlreadyExported && earlier.hasDuplicateKey(key),
  );

  let done = 0;
  let skippedAlreadyExported = 0;
  for (const record of period.records) {
    if (!request.includeAlreadyExported && earlier.wasExported(record.recordId)) skippedAlreadyExported += 1;
    else builder.add(record);
    done += 1;
    if (done % CHUNK === 0) {
      options.onProgress?.({ done, total: period.total });
      await yieldToEventLoop();
      if (options.signal?.aborted) throw cancelled();
    }
  }
  const built = builder.finish();
  if (built.parts.length === 0) {
    throw new AppFailure('VALIDATION', 'Nothing to export in this period', {
      reason: 'nothingToExport',
      rejected: built.rejected.length,
      skippedAlreadyExported,
    });
  }

  const exportId = uuidv7();
  const createdAt = now();
  const names = { siteId: period.site.id, from: request.from, to: request.to, at: createdAt };
  const outputs: { name: string; content: string | Buffer }[] = [];
  const files: ExportEntry['files'] = [];
  const rendered: ExportFile[] = [];
  for (const part of built.parts) {
    const file = renderPart(part);
    rendered.push(file);
    await yieldToEventLoop();
    const name = exportFileName(names, file.part, 'csv');
    const archive = exportFileName(names, file.part, 'pdf');
    const facts: ArchiveFacts = {
      language: request.language,
      fileName: name,
      periodFrom: request.from,
      periodTo: request.to,
      site: period.site,
      organisation: period.organisation,
      exportedBy: request.exportedBy.name,
      exportedAt: createdAt.toISOString().slice(0, 16).replace('T', ' '),
      rejectedCount: built.rejected.length,
    };
    outputs.push({ name, content: file.csv });
    if (options.archives === 'withExport')
      outputs.push({ name: archive, content: await renderArchivePdf(file, facts) });
    if (options.signal?.aborted) throw cancelled();
    files.push({ name, archive, rows: file.rows.length, sha256: file.sha256, facts });
  }

  writeAllOrNothing(request.folder, outputs);
  try {
    await registry.record(
      {
        id: exportId,
        createdAt: createdAt.toISOString(),
        createdBy: request.exportedBy.id,
        periodFrom: request.from,
        periodTo: request.to,
        folder: request.folder,
        files,
        rowCount: files.reduce((sum, file) => sum + file.rows, 0),
        rejectedCount: built.rejected.length,
      },
      rendered,
    );
  } catch (error) {
    // The registry is the source of truth: files it does not know about must not stay behind.
    removeFiles(
      request.folder,
      outputs.map((output) => output.name),
    );
    throw error;
  }
  source.markExported?.(
    rendered.flatMap((file) => file.recordIds.map((id, index) => ({ id, kind: file.recordKinds[index] ?? 'session' }))),
    createdAt.toISOString(),
  );
  options.onProgress?.({ done: period.total, total: period.total });
  return { exportId, files, rejected: built.rejected, skippedAlreadyExported };
};
