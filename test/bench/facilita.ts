// `npm run bench:facilita`: the Facilita export of 100k services from a real journal — seeded through
// the journal code, read and decrypted from SQLite — (validation, CSV split at 9,000 rows, registry;
// archive PDFs on request), goal ≤ 3 s with no event-loop stall over 50 ms; and the Servizio Civile
// Excel of 9,000 rows, goal ≤ 2 s. Prints figures as ratios to the goals; never fails.
// BENCH_SERVICES=5000 for a quick run. Seeding is set-up, not measured. Wall time and the process's
// CPU time are both printed: on a shared machine the first includes waiting for a core; the second
// counts every thread (the registry's rows and the exported marks are written on a worker's).
import { closeSync, cpSync, existsSync, fsyncSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FacilitaExportBuilder } from '../../main/core/export/facilita/build-export.ts';
import { runFacilitaExport } from '../../main/core/export/facilita/export-service.ts';
import { journalFacilitaSource } from '../../main/core/export/facilita/journal-source.ts';
import type { FacilitaServiceRecord } from '../../main/core/export/facilita/record.ts';
import { ExportRegistry } from '../../main/core/export/facilita/registry.ts';
import { toServizioCivileXlsx } from '../../main/core/export/facilita/xlsx.ts';
import { localDate } from '../../main/core/journal/journal-context.ts';
import { seed } from '../../scripts/seed.ts';
import { createTestCore } from '../support/core.ts';
import { tempDataDir } from '../support/host-process.ts';

const COUNT = Number(process.env['BENCH_SERVICES'] ?? 100_000);
const GOAL_EXPORT_MS = 3000;
const GOAL_STALL_MS = 50;
const GOAL_XLSX_MS = 2000;
const XLSX_ROWS = 9000;
const ratio = (value: number, goal: number) => (value / goal).toFixed(2);

// Seeding 100k sessions through the journal takes minutes: the seeded folder is kept (per size and
// day) and copied for each run, so every run exports the same untouched journal.
const today = localDate(new Date());
const seeded = join(tmpdir(), `passopasso-bench-facilita-${COUNT}-${today}`);
let started = performance.now();
if (!existsSync(join(seeded, 'complete'))) {
  rmSync(seeded, { recursive: true, force: true });
  const seeding = createTestCore(seeded);
  await seed(seeding, COUNT, () => {}, { demo: false });
  // The cut-off at today, so this month's services are exported rather than held.
  seeding.database.db.prepare('UPDATE site SET cutoff_date = ?').run(today);
  seeding.close();
  writeFileSync(join(seeded, 'complete'), '');
}
const seedMs = performance.now() - started;
const dataDir = tempDataDir('bench-facilita');
cpSync(seeded, dataDir, { recursive: true });
// The copy is hundreds of megabytes the OS has not written yet: its first checkpoint would wait for
// all of them. A desk's journal is not a file copied a second ago, so that wait is set-up too.
for (const name of ['passopasso.sqlite', 'passopasso.sqlite-wal']) {
  const file = join(dataDir, name);
  if (!existsSync(file)) continue;
  const descriptor = openSync(file, 'r');
  fsyncSync(descriptor);
  closeSync(descriptor);
}
const core = createTestCore(dataDir);
// The desk's start-up (the guide library's load) is over before anyone exports: not the export's stall.
const guides = await core.dispatcher.call('guides.library', {});
if (!guides.ok) throw new Error(`guides.library failed: ${JSON.stringify(guides.error)}`);
const db = core.database.db;
const source = journalFacilitaSource(db, core.context.cipher());

started = performance.now();
const cpuAtStart = process.cpuUsage();
let longestStall = 0;
let last = performance.now();
const watchdog = setInterval(() => {
  const now = performance.now();
  longestStall = Math.max(longestStall, now - last - 5);
  last = now;
}, 5);
const outcome = await runFacilitaExport(
  {
    from: '2000-01-01',
    to: today,
    folder: join(core.dataDir, 'out'),
    includeAlreadyExported: false,
    language: 'it',
    exportedBy: { id: null, name: 'Bench Mark' },
  },
  { source, registry: new ExportRegistry(db, core.context.cipher()), now: () => new Date() },
);
clearInterval(watchdog);
const exportMs = performance.now() - started;
const exportCpu = process.cpuUsage(cpuAtStart);
const exportCpuMs = (exportCpu.user + exportCpu.system) / 1000;
const rows = outcome.files.reduce((sum, file) => sum + file.rows, 0);

// Servizio Civile: 9,000 of the journal's services, validated as 1.7.1 rows, written as the Excel.
const period = source.period('2000-01-01', today);
const records: FacilitaServiceRecord[] = [];
for (const record of period.records) {
  records.push(record);
  if (records.length === XLSX_ROWS * 2) break;
}
started = performance.now();
const xlsxCpuAtStart = process.cpuUsage();
const builder = new FacilitaExportBuilder({ ...period.rules, measure: '1.7.1' });
for (const record of records) if (builder.acceptedCount < XLSX_ROWS) builder.add(record);
const [part] = builder.finish().parts;
const xlsx = await toServizioCivileXlsx(part?.rows ?? [], 'Bench');
const xlsxMs = performance.now() - started;
const xlsxCpu = process.cpuUsage(xlsxCpuAtStart);
const xlsxCpuMs = (xlsxCpu.user + xlsxCpu.system) / 1000;
core.close();

console.log(
  `journal of ${COUNT} sessions seeded through the journal code (or reused from ${seeded}) in ${(seedMs / 1000).toFixed(1)} s (set-up, not measured)`,
);
console.log(
  `services read: ${outcome.rejected.length + outcome.held.length + rows + outcome.skippedAlreadyExported}, rows exported: ${rows} in ${outcome.files.length} files, rejected: ${outcome.rejected.length}, held: ${outcome.held.length}`,
);
console.log(
  `export from SQLite (read, decrypt, validate, CSV files, registry): ${exportMs.toFixed(0)} ms (goal ${GOAL_EXPORT_MS} ms, ratio ${ratio(exportMs, GOAL_EXPORT_MS)}; CPU time ${exportCpuMs.toFixed(0)} ms, ratio ${ratio(exportCpuMs, GOAL_EXPORT_MS)})`,
);
console.log(
  `longest event-loop stall during the export: ${longestStall.toFixed(0)} ms (goal ${GOAL_STALL_MS} ms, ratio ${ratio(longestStall, GOAL_STALL_MS)})`,
);
console.log(
  `Servizio Civile Excel of ${part?.rows.length ?? 0} rows (validate + xlsx, ${(xlsx.length / 1024).toFixed(0)} KiB): ${xlsxMs.toFixed(0)} ms (goal ${GOAL_XLSX_MS} ms, ratio ${ratio(xlsxMs, GOAL_XLSX_MS)}; CPU time ${xlsxCpuMs.toFixed(0)} ms, ratio ${ratio(xlsxCpuMs, GOAL_XLSX_MS)})`,
);
