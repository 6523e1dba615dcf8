import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { NotReportableRow } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { mainEarlierExport } from '../../../../shared/facilita/already-exported.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import { renderArchivePdf, type ArchiveFacts } from './archive-pdf.ts';
import { cutoffOf, type CutoffInForce } from './cutoff.ts';
import { FacilitaExportBuilder, sha256Hex, type BuilderVerdicts, type ExportPart } from './build-export.ts';
import { toCsvInSlices } from './csv.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';
import { toServizioCivileXlsx } from './xlsx.ts';
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
    /**
     * Services of the period that cannot reach Facilita at all, with the reason (not-reportable.ts).
     * Read when asked (the preview lists them; an export does not need them).
     */
    notReportable?: () => NotReportableRow[];
  };
  /** Told which records went out, once the export is recorded (the journal's retention needs it). */
  markExported?(parts: readonly ExportedRecords[], at: string): void | Promise<void>;
}

/** The records behind one file's rows, in row order. */
export type ExportedRecords = Pick<ExportPart, 'recordIds' | 'recordKinds'>;

export interface ExportRequest {
  from: string;
  to: string;
  folder: string;
  /** Export again rows that an earlier export already holds (the referente asked for it). */
  includeAlreadyExported: boolean;
  language: string;
  exportedBy: { id: string | null; name: string };
  /** A rectification: the export whose discarded rows this one sends again. */
  rectifies?: string;
}

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOutcome extends BuilderVerdicts {
  exportId: string;
  files: ExportEntry['files'];
  skippedAlreadyExported: number;
  cutoff: CutoffInForce | null;
  /** The records that went out (a rectification marks them sent again). */
  sentRecordIds: string[];
}

export { cutoffOf, type CutoffInForce } from './cutoff.ts';

/** One part as the file Facilita takes for the measure: CSV (1.7.2) or Excel (1.7.1). */
const renderForMeasure = async (
  part: ExportPart,
  rules: ExportRules,
  title: string,
): Promise<ExportPart & { content: string | Buffer; sha256: string; extension: 'csv' | 'xlsx' }> => {
  if (rules.measure !== '1.7.1') {
    const { csv, sha256 } = await toCsvInSlices(part.rows);
    return { ...part, sha256, content: csv, extension: 'csv' };
  }
  const content = await toServizioCivileXlsx(part.rows, title);
  return { ...part, content, sha256: sha256Hex(content), extension: 'xlsx' };
};

/** Progress is reported every this many records. */
const CHUNK = 500;
/**
 * The longest synchronous stretch between two yields. A time budget rather than a record count:
 * what a record costs depends on the machine and on how busy it is (decryption, the CF check).
 */
const SLICE_MS = 15;

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
  await yieldToEventLoop();
  const earlier = registry.snapshot();
  await yieldToEventLoop();
  const builder = new FacilitaExportBuilder(
    period.rules,
    (key) => !request.includeAlreadyExported && earlier.hasDuplicateKey(key),
  );

  let done = 0;
  let skippedAlreadyExported = 0;
  /** Export id → how many of the left-out services it holds: "nothing to export" says which went where. */
  const skippedBy = new Map<string, number>();
  let sliceStart = performance.now();
  for (const record of period.records) {
    const holder = request.includeAlreadyExported ? undefined : earlier.holderOf(record.recordId);
    if (holder !== undefined) {
      skippedAlreadyExported += 1;
      skippedBy.set(holder, (skippedBy.get(holder) ?? 0) + 1);
    } else builder.add(record);
    done += 1;
    if (done % CHUNK === 0) {
      options.onProgress?.({ done, total: period.total });
      // A cancel is seen at the next progress as well as at the next yield: a fast machine may go
      // thousands of records between two yields.
      if (options.signal?.aborted) throw cancelled();
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (options.signal?.aborted) throw cancelled();
      sliceStart = performance.now();
    }
  }
  await yieldToEventLoop();
  const built = builder.finish();
  if (built.parts.length === 0) {
    throw new AppFailure('VALIDATION', 'Nothing to export in this period', {
      reason: 'nothingToExport',
      rejected: built.rejected.length,
      held: built.held.length,
      skippedAlreadyExported,
      earlier: mainEarlierExport(registry.earlierExports(skippedBy)),
    });
  }

  const exportId = uuidv7();
  const createdAt = now();
  const names = { siteId: period.site.id, from: request.from, to: request.to, at: createdAt };
  const outputs: { name: string; content: string | Buffer }[] = [];
  const files: ExportEntry['files'] = [];
  const rendered: ExportPart[] = [];
  const cutoff = cutoffOf(period.rules);
  for (const part of built.parts) {
    const name = exportFileName(names, part.part, period.rules.measure === '1.7.1' ? 'xlsx' : 'csv');
    const file = await renderForMeasure(part, period.rules, `${period.organisation} – ${period.site.name}`);
    rendered.push(file);
    await yieldToEventLoop();
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
      heldCount: built.held.length,
      cutoff,
      measure: period.rules.measure ?? '1.7.2',
    };
    outputs.push({ name, content: file.content });
    if (options.archives === 'withExport')
      outputs.push({ name: archive, content: await renderArchivePdf(file, facts) });
    if (options.signal?.aborted) throw cancelled();
    files.push({ name, archive, rows: file.rows.length, sha256: file.sha256, facts });
  }

  await writeAllOrNothing(request.folder, outputs);
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
        rectifies: request.rectifies ?? null,
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
  await source.markExported?.(rendered, createdAt.toISOString());
  options.onProgress?.({ done: period.total, total: period.total });
  const { parts: _parts, ...verdicts } = built;
  return {
    exportId,
    files,
    ...verdicts,
    skippedAlreadyExported,
    cutoff,
    sentRecordIds: rendered.flatMap((file) => file.recordIds),
  };
};
