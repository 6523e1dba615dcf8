// `npm run bench:facilita`: export 100k services to Facilita files (validation, CSV split at 9,000
// rows, registry; archive PDFs on request) — goal ≤ 3 s. Prints figures as ratios to the goal; never fails.
import { join } from 'node:path';
import { runFacilitaExport, type FacilitaSource } from '../../main/core/export/facilita/export-service.ts';
import { FacilitaExportBuilder } from '../../main/core/export/facilita/build-export.ts';
import { ExportRegistry } from '../../main/core/export/facilita/registry.ts';
import { ensureArchive } from '../../main/core/export/facilita/archive-on-demand.ts';
import { createTestCore } from '../support/core.ts';
import { aRecord, CF, RULES } from '../support/facilita-records.ts';
import { tempDataDir } from '../support/host-process.ts';

const COUNT = Number(process.env['BENCH_SERVICES'] ?? 100_000);
const GOAL_EXPORT_MS = 3000;
const citizens = [CF.rossi, CF.bianchi];
const records = Array.from({ length: COUNT }, (_, index) =>
  aRecord({
    id: `r${index}`,
    citizen: { ...aRecord().citizen, codiceFiscale: citizens[index % 2] ?? CF.rossi },
    service: {
      ...aRecord().service,
      date: `2026-${String(1 + (index % 10)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
      details: `Servizio numero ${index}, con "virgolette" e virgole`,
    },
  }),
);
const source: FacilitaSource = {
  period: () => ({
    records,
    total: records.length,
    rules: RULES,
    site: { id: '1234', name: 'Biblioteca' },
    organisation: 'Comune',
  }),
};

let started = performance.now();
const builder = new FacilitaExportBuilder(RULES);
for (const record of records) builder.add(record);
const built = builder.finish();
const csvMs = performance.now() - started;

const core = createTestCore();
const registry = new ExportRegistry(core.database.db, core.context.cipher());
started = performance.now();
let longestStretch = 0;
let last = performance.now();
const watchdog = setInterval(() => {
  const now = performance.now();
  longestStretch = Math.max(longestStretch, now - last);
  last = now;
}, 5);
const outcome = await runFacilitaExport(
  {
    from: '2026-01-01',
    to: '2026-12-31',
    folder: join(tempDataDir('bench-export'), 'out'),
    includeAlreadyExported: false,
    language: 'it',
    exportedBy: { id: null, name: 'Bench Mark' },
  },
  { source, registry, now: () => new Date() },
);
clearInterval(watchdog);
const fullMs = performance.now() - started;
const entry = registry.get(outcome.exportId);
started = performance.now();
for (const file of entry?.files ?? []) if (entry) await ensureArchive(entry, file);
const archivesMs = performance.now() - started;
core.close();

console.log(
  `services: ${COUNT}, files: ${outcome.files.length}, rows: ${built.parts.reduce((sum, part) => sum + part.rows.length, 0)}`,
);
console.log(
  `validate + CSV only: ${csvMs.toFixed(0)} ms (goal ${GOAL_EXPORT_MS} ms, ratio ${(csvMs / GOAL_EXPORT_MS).toFixed(2)})`,
);
console.log(
  `export as the app runs it (validate, CSV files, registry): ${fullMs.toFixed(0)} ms (goal ${GOAL_EXPORT_MS} ms, ratio ${(fullMs / GOAL_EXPORT_MS).toFixed(2)})`,
);
console.log(`the ${outcome.files.length} archive PDFs, made when asked for: ${archivesMs.toFixed(0)} ms in all`);
console.log(`longest event-loop stall during the export: ${longestStretch.toFixed(0)} ms (aim ≤ 50 ms)`);
