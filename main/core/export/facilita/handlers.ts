import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FACILITA_METHOD_NAMES } from '../../../../shared/contract/domains/facilita/names.ts';
import type { CoreContext } from '../../core-context.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import type { Handlers } from '../../rpc/dispatcher.ts';
import { FacilitaExportBuilder } from './build-export.ts';
import { runFacilitaExport, type FacilitaSource } from './export-service.ts';
import { ExportRegistry } from './registry.ts';
import { ensureArchive } from './archive-on-demand.ts';

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
      const { rejected } = builder.finish();
      return { total: period.total, valid: builder.acceptedCount, skippedAlreadyExported, rejected };
    },
    'facilita.export': async (period, { actor }) => {
      if (running) throw new AppFailure('CONFLICT', 'An export is already under way', { reason: 'exportRunning' });
      const exporter = { id: actor.id, name: actor.name };
      const folder = join(context.dataDir, 'exports');
      running = new AbortController();
      try {
        const outcome = await runFacilitaExport(
          { ...period, folder, language: context.settings.get().language, exportedBy: exporter },
          { source: source(), registry: registryOf(), now: () => new Date() },
          {
            signal: running.signal,
            onProgress: (progress) => context.events.emit('facilita.progress', progress),
          },
        );
        return { ...outcome, folder };
      } finally {
        running = null;
      }
    },
    'facilita.cancel': () => {
      running?.abort();
      return { cancelled: running !== null };
    },
    'facilita.list': () => registryOf().list(),
    'facilita.markUploaded': ({ exportId }, { actor }) => {
      const known = registryOf();
      if (!known.get(exportId)) throw new AppFailure('NOT_FOUND', 'No such export', { reason: 'exportNotFound' });
      known.markUploaded(exportId, actor.id, new Date().toISOString());
      return known.get(exportId) ?? Promise.reject(new Error('export vanished'));
    },
    'facilita.file': async ({ exportId, name }) => {
      const entry = registryOf().get(exportId);
      const file = entry?.files.find((candidate) => candidate.name === name || candidate.archive === name);
      if (!entry || !file) throw new AppFailure('NOT_FOUND', 'No such export file', { reason: 'exportNotFound' });
      const isPdf = name === file.archive;
      const path = isPdf ? await ensureArchive(entry, file) : join(entry.folder, name);
      return {
        name,
        mimeType: isPdf ? 'application/pdf' : 'text/csv',
        base64: readFileSync(path).toString('base64'),
      };
    },
  };
};
