// `npm run export:facilita -- --data-dir <dir> --from <yyyy-mm-dd> --to <yyyy-mm-dd> --out <folder> [--again]`
// The Facilita export for referenti who automate it: the same exporter, rules and registry as the app.
// Prints what it wrote and what it rejected; exits non-zero when nothing valid was exported.
import { parseArgs } from 'node:util';
import { createAppCore } from '../main/core/app-core.ts';
import { runFacilitaExport } from '../main/core/export/facilita/export-service.ts';
import { journalFacilitaSource } from '../main/core/export/facilita/journal-source.ts';
import { readAudit } from '../main/core/journal/audit.ts';
import { journalContextOf } from '../main/core/journal/handlers.ts';
import { ExportRegistry } from '../main/core/export/facilita/registry.ts';
import { confStore } from '../main/core/settings/conf-store.ts';
import { AppFailure } from '../main/core/rpc/app-failure.ts';
import { cutoffText } from '../shared/facilita/cutoff-text.ts';
import { createTranslator } from '../shared/i18n/translator.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    again: { type: 'boolean', default: false },
    language: { type: 'string', default: 'it' },
  },
});
const date = /^\d{4}-\d{2}-\d{2}$/;
if (!values['data-dir'] || !values.out || !date.test(values.from ?? '') || !date.test(values.to ?? '')) {
  console.error(
    'usage: npm run export:facilita -- --data-dir <dir> --from <yyyy-mm-dd> --to <yyyy-mm-dd> --out <folder> [--again]',
  );
  process.exit(2);
}

process.env['PASSOPASSO_LOG'] ??= 'silent';
const core = createAppCore({ dataDir: values['data-dir'], mode: 'browser', version: 'cli', storeFactory: confStore });
try {
  if (core.database.state.status !== 'ok')
    throw new AppFailure('STORAGE', `The database is ${core.database.state.status}`);
  const registry = new ExportRegistry(core.database.db, core.context.cipher());
  registry.removeInterrupted();
  const outcome = await runFacilitaExport(
    {
      from: values.from ?? '',
      to: values.to ?? '',
      folder: values.out,
      includeAlreadyExported: values.again ?? false,
      language: values.language ?? 'it',
      exportedBy: { id: null, name: 'command line' },
    },
    {
      source: journalFacilitaSource(core.database.db, core.context.cipher(), (siteId) =>
        readAudit(journalContextOf(core.context), 'site', siteId),
      ),
      registry,
      now: () => new Date(),
    },
    { archives: 'withExport' },
  );
  for (const file of outcome.files)
    console.log(`wrote ${file.name} (${file.rows} rows, sha256 ${file.sha256}) and ${file.archive}`);
  for (const rejected of outcome.rejected) {
    console.log(
      `rejected ${rejected.recordKind} ${rejected.recordId}: ${rejected.reasons.map((reason) => `${reason.code} (${reason.column})`).join(', ')}`,
    );
  }
  if (outcome.cutoff) console.log(`cut-off ${cutoffText(createTranslator('en'), outcome.cutoff, 'en')}`);
  for (const held of outcome.held)
    console.log(
      `held ${held.recordKind} ${held.recordId}: ${held.hold.reason === 'afterCutoff' ? `dated ${held.hold.date}, after the cut-off` : `of age for Facilita from ${held.hold.from}`}`,
    );
  for (const warning of outcome.warnings)
    console.log(
      `warning ${warning.code}${warning.facilitator ? ` ${warning.facilitator}` : ''} (${warning.count} rows)`,
    );
  if (outcome.skippedAlreadyExported > 0)
    console.log(`skipped ${outcome.skippedAlreadyExported} already exported (use --again to include them)`);
} catch (error) {
  if (error instanceof AppFailure) {
    console.error(`nothing exported: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  core.close();
}
