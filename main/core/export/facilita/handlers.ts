import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FACILITA_METHOD_NAMES } from '../../../../shared/contract/domains/facilita/names.ts';
import type { CoreContext } from '../../core-context.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import type { Handlers } from '../../rpc/dispatcher.ts';
import { FacilitaExportBuilder } from './build-export.ts';
import { cutoffOf, runFacilitaExport, type FacilitaSource } from './export-service.ts';
import { ExportRegistry } from './registry.ts';
import { ensureArchive } from './archive-on-demand.ts';
import { importDiscards, nothingToRectify, rectificationSource } from './discard-service.ts';
import { DiscardStore } from './discards.ts';
import { volunteerHoursPdf, volunteerHoursXlsx, volunteerMonths } from './volunteer-hours.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Facilita export: check a period, export it (one at a time, cancellable), the registry.
 * Anyone signed in checks a period; exporting and the files are the referente's (a coordinator):
 * the methods' declared access.
 */
export const createFacilitaHandlers = (
  context: CoreContext,
  /** The services to export, from this desk's journal. */
  source: () => FacilitaSource,
): Pick<Handlers, (typeof FACILITA_METHOD_NAMES)[number]> => {
  let registry: ExportRegistry | null = null;
  const registryOf = () => {
    if (!registry) {
      registry = new ExportRegistry(context.database.db, context.cipher());
      registry.removeInterrupted();
    }
    return registry;
  };
  let running: AbortController | null = null;
  // Opened at the first call, as the registry: the core is built before the database may be open.
  let discardStore: DiscardStore | null = null;
  const discards = () => (discardStore ??= new DiscardStore(context.database.db));
  const withReconciliation = (entry: ReturnType<ExportRegistry['list']>[number]) => ({
    ...entry,
    reconciliation: discards().reconciliation(entry.id, entry.rowCount),
  });
  /** One export at a time, cancellable, with progress: a plain export and a rectification alike. */
  const exclusive = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (running) throw new AppFailure('CONFLICT', 'An export is already under way', { reason: 'exportRunning' });
    running = new AbortController();
    try {
      return await work(running.signal);
    } finally {
      running = null;
    }
  };
  const exportWith = (
    request: Omit<Parameters<typeof runFacilitaExport>[0], 'folder' | 'language' | 'exportedBy'>,
    source: FacilitaSource,
    actor: { id: string; name: string },
  ) => {
    const exporter = { id: actor.id, name: actor.name };
    const folder = join(context.dataDir, 'exports');
    return exclusive(async (signal) => {
      const outcome = await runFacilitaExport(
        { ...request, folder, language: context.settings.get().language, exportedBy: exporter },
        { source, registry: registryOf(), now: context.now },
        { signal, onProgress: (progress) => context.events.emit('facilita.progress', progress) },
      );
      return { ...outcome, folder };
    });
  };

  return {
    'facilita.preview': ({ from, to, includeAlreadyExported }) => {
      const period = source().period(from, to);
      const known = registryOf().snapshot();
      const builder = new FacilitaExportBuilder(
        period.rules,
        (key) => !includeAlreadyExported && known.hasDuplicateKey(key),
      );
      let skippedAlreadyExported = 0;
      for (const record of period.records) {
        if (!includeAlreadyExported && known.wasExported(record.recordId)) skippedAlreadyExported += 1;
        else builder.add(record);
      }
      const { parts: _parts, ...verdicts } = builder.finish();
      return {
        total: period.total,
        valid: builder.acceptedCount,
        skippedAlreadyExported,
        ...verdicts,
        cutoff: cutoffOf(period.rules),
        notReportable: period.notReportable?.() ?? [],
      };
    },
    'facilita.export': (period, { actor }) => exportWith(period, source(), actor),
    'facilita.cancel': () => {
      running?.abort();
      return { cancelled: running !== null };
    },
    'facilita.list': () => registryOf().list().map(withReconciliation),
    'facilita.markUploaded': ({ exportId }, { actor }) => {
      const known = registryOf();
      if (!known.get(exportId)) throw new AppFailure('NOT_FOUND', 'No such export', { reason: 'exportNotFound' });
      known.markUploaded(exportId, actor.id, context.now().toISOString());
      const entry = known.get(exportId);
      return entry ? withReconciliation(entry) : Promise.reject(new Error('export vanished'));
    },
    'facilita.file': async ({ exportId, name }) => {
      const entry = registryOf().get(exportId);
      // A hub export's files are at the hub: the desk keeps only what went out.
      const file =
        entry?.origin === 'desk'
          ? entry.files.find((candidate) => candidate.name === name || candidate.archive === name)
          : undefined;
      if (!entry || !file) throw new AppFailure('NOT_FOUND', 'No such export file', { reason: 'exportNotFound' });
      const isPdf = name === file.archive;
      const path = isPdf ? await ensureArchive(entry, file) : join(entry.folder, name);
      return {
        name,
        mimeType: isPdf ? 'application/pdf' : name.endsWith('.xlsx') ? XLSX_MIME : 'text/csv',
        base64: readFileSync(path).toString('base64'),
      };
    },
    'facilita.importDiscards': (input) => importDiscards(registryOf(), discards(), input, context.now()),
    'facilita.discards': ({ exportId }) => {
      const entry = registryOf().get(exportId);
      if (!entry) throw new AppFailure('NOT_FOUND', 'No such export', { reason: 'exportNotFound' });
      return {
        discards: discards().list(exportId),
        reconciliation: discards().reconciliation(exportId, entry.rowCount),
      };
    },
    'facilita.exportRectification': async ({ exportId }, { actor }) => {
      const entry = registryOf().get(exportId);
      if (!entry) throw new AppFailure('NOT_FOUND', 'No such export', { reason: 'exportNotFound' });
      const ready = new Set(
        discards()
          .toResend(exportId)
          .map((row) => row.recordId),
      );
      if (ready.size === 0) throw nothingToRectify();
      const outcome = await exportWith(
        { from: entry.periodFrom, to: entry.periodTo, includeAlreadyExported: true, rectifies: exportId },
        rectificationSource(source(), ready),
        actor,
      );
      discards().markResent(exportId, outcome.sentRecordIds, outcome.exportId);
      return outcome;
    },
    'facilita.volunteerHours': async ({ from, to, format }) => {
      const site = context.database.db.prepare('SELECT ente, facilita_name FROM site').get() as
        { ente: string; facilita_name: string } | undefined;
      const facts = {
        language: context.settings.get().language,
        project: site ? `${site.ente} – ${site.facilita_name}` : '',
        from,
        to,
      };
      const rows = volunteerMonths(context.database.db, from, to);
      const content = format === 'pdf' ? await volunteerHoursPdf(rows, facts) : await volunteerHoursXlsx(rows, facts);
      return {
        name: `volontari_${from}_${to}.${format}`,
        mimeType: format === 'pdf' ? 'application/pdf' : XLSX_MIME,
        base64: content.toString('base64'),
      };
    },
  };
};
