// `npm run bench:hub-export`: the referente's Facilita export at the hub of 100k services across 10
// sites, with every file's archive PDF (issue 10). The services are real journal data — seeded
// through the journal code on 10 desks, one per site, and pushed to a hub on PostgreSQL (its own
// process) through the desks' sync engines — never rows inserted at the hub. Prints the export's
// seconds, how much of it the archive PDFs alone take, and as a peer measured in the same run the
// same services exported by the 10 desks themselves, one after the other, with their archive PDFs.
// Never fails on the figures.
//   BENCH_SERVICES=10000 BENCH_SITES=10 for a quick run. Seeding and syncing are set-up, not measured.
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderArchivePdf } from '../../main/core/export/facilita/archive-pdf.ts';
import { readCsvRows } from '../../main/core/export/facilita/csv.ts';
import { runFacilitaExport } from '../../main/core/export/facilita/export-service.ts';
import { journalFacilitaSource } from '../../main/core/export/facilita/journal-source.ts';
import { ExportRegistry } from '../../main/core/export/facilita/registry.ts';
import { localDate } from '../../main/core/journal/journal-context.ts';
import { seed } from '../../scripts/seed.ts';
import { createTestCore } from '../support/core.ts';
import { tempDataDir } from '../support/host-process.ts';
import { createTestDesk, type TestDesk } from '../support/hub-desk.ts';
import { adminApi, launchHubProcess } from '../support/hub-process.ts';
import { ADMIN_TOKEN } from '../support/hub.ts';
import { startTestPostgres } from '../support/postgres.ts';

process.env['PASSOPASSO_LOG'] = 'silent';
const SERVICES = Number(process.env['BENCH_SERVICES'] ?? 100_000);
const SITES = Number(process.env['BENCH_SITES'] ?? 10);
const PER_SITE = Math.ceil(SERVICES / SITES);
const today = localDate(new Date());
const seconds = (ms: number) => (ms / 1000).toFixed(1);

// Seeding 10k sessions a desk through the journal takes a while: each desk's seeded folder is kept
// (per size, index and day) and copied for each run, so every run starts from untouched journals.
let started = performance.now();
const seededFolder = (index: number) => {
  const folder = join(tmpdir(), `passopasso-bench-hub-export-${PER_SITE}-${index}-${today}`);
  if (existsSync(join(folder, 'complete'))) return folder;
  rmSync(folder, { recursive: true, force: true });
  const core = createTestCore(folder);
  return (async () => {
    await seed(core, PER_SITE, () => {}, { demo: false });
    core.close();
    writeFileSync(join(folder, 'complete'), '');
    return folder;
  })();
};
const folders: string[] = [];
for (let index = 0; index < SITES; index += 1) folders.push(await seededFolder(index));
const seedMs = performance.now() - started;

const postgres = await startTestPostgres();
const hub = await launchHubProcess({ databaseUrl: postgres.url });
const admin = adminApi(hub.url);
const organisation = await admin.call<{ id: string }>('POST', '/organisations', { name: 'Consorzio di Prova' });

started = performance.now();
const desks: TestDesk[] = [];
for (const [index, folder] of folders.entries()) {
  const site = await admin.call<{ id: string }>('POST', '/sites', {
    organisationId: organisation.id,
    name: `Sede ${index + 1}`,
  });
  // Each site its own Facilita identity, set at the hub (the one source the hub's export uses).
  await admin.call('PUT', `/sites/${site.id}/settings`, {
    settings: { facilitaId: String(20001 + index), facilitaName: `Punto Digitale Facile Sede ${index + 1}` },
  });
  const dataDir = tempDataDir(`bench-hub-export-${index}`);
  cpSync(folder, dataDir, { recursive: true });
  const desk = createTestDesk({ dataDir, sync: { requestTimeoutMs: 120_000 } });
  await desk.enroll(hub.url, await admin.code(site.id));
  const status = await desk.sync();
  if (status.unsent > 0 || status.rejected > 0) throw new Error(`desk ${index}: ${JSON.stringify(status)}`);
  desks.push(desk);
}
const syncMs = performance.now() - started;

// The measured export: one POST, as the referente makes it (the hub builds, renders each file's
// archive PDF, records it all in one transaction and answers with the CSV text).
started = performance.now();
const response = await fetch(`${hub.url}/v1/admin/facilita-exports`, {
  method: 'POST',
  headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
  body: JSON.stringify({ organisationId: organisation.id, from: '2000-01-01', to: today, createdBy: 'Bench' }),
});
const answer = (await response.json()) as {
  exportId: string;
  files: { filename: string; csv: string; sha256: string; rows: number; archive?: string }[];
  rejected: unknown[];
};
const hubMs = performance.now() - started;
if (!response.ok) throw new Error(`hub export: ${response.status} ${JSON.stringify(answer)}`);
const rows = answer.files.reduce((sum, file) => sum + file.rows, 0);
const archives = answer.files.filter((file) => file.archive).length;

// Of which archive PDFs: the same module rendering the same 20 tables, here in the bench's process.
started = performance.now();
for (const file of answer.files) {
  const table = readCsvRows(file.csv);
  await renderArchivePdf(
    { part: 0, rows: table, sha256: file.sha256, recordIds: [], recordKinds: [], duplicateKeys: [] },
    {
      language: 'it',
      fileName: file.filename,
      periodFrom: '2000-01-01',
      periodTo: today,
      site: { id: '', name: '' },
      organisation: '',
      exportedBy: 'Bench',
      exportedAt: '',
      rejectedCount: 0,
    },
  );
}
const pdfMs = performance.now() - started;

// The peer: the same services exported at the desks, each with its archive PDFs written with the CSV.
started = performance.now();
let deskRows = 0;
const deskFolders: string[] = [];
for (const desk of desks) {
  const db = desk.db();
  const cipher = desk.core.context.cipher();
  const folder = tempDataDir('bench-hub-export-desk-files');
  deskFolders.push(folder);
  const outcome = await runFacilitaExport(
    {
      from: '2000-01-01',
      to: today,
      folder,
      includeAlreadyExported: true,
      language: 'it',
      exportedBy: { id: null, name: 'Bench' },
    },
    { source: journalFacilitaSource(db, cipher), registry: new ExportRegistry(db, cipher), now: () => new Date() },
    { archives: 'withExport' },
  );
  deskRows += outcome.files.reduce((sum, file) => sum + file.rows, 0);
}
const desksMs = performance.now() - started;

console.log(
  `seeded ${SITES} desks × ${PER_SITE} services in ${seconds(seedMs)} s (cached per day); synced to the hub in ${seconds(syncMs)} s`,
);
console.log(
  `hub export: ${rows} rows (${answer.rejected.length} rejected) in ${answer.files.length} files with ${archives} archive PDFs: ${seconds(hubMs)} s`,
);
console.log(
  `of which the ${answer.files.length} archive PDFs alone (the same module, in this process): ${seconds(pdfMs)} s`,
);
console.log(
  `peer, the ${SITES} desks exporting their own ${deskRows} rows with archive PDFs one after the other: ${seconds(desksMs)} s — hub/desks ratio ${(hubMs / desksMs).toFixed(2)}`,
);

for (const desk of desks) desk.close();
for (const folder of [...desks.map((desk) => desk.dataDir), ...deskFolders])
  rmSync(folder, { recursive: true, force: true });
await hub.stop();
await postgres.stop();
