// Sync benchmark (issue 5): prints figures and their ratio to the goals; never fails on them.
//   node test/bench/sync.ts [--records 100000] [--desks 20] [--per-desk 2000] [--pouch-adapter leveldb|memory]
// Runs against a hub on PostgreSQL (a throwaway cluster from test/support/postgres.ts, or
// PASSOPASSO_TEST_PG_URL), the hub as its own process, everything on 127.0.0.1.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createTestDesk, type TestDesk } from '../support/hub-desk.ts';
import { adminApi, launchHubProcess } from '../support/hub-process.ts';
import { startTestPostgres } from '../support/postgres.ts';
import { pouchBaseline } from './pouch-baseline.ts';

process.env['PASSOPASSO_LOG'] = 'silent';
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    desks: { type: 'string', default: '20' },
    'per-desk': { type: 'string', default: '2000' },
    'pouch-adapter': { type: 'string', default: 'leveldb' },
  },
});
const RECORDS = Number(values.records);
const DESKS = Number(values.desks);
const PER_DESK = Number(values['per-desk']);

// The hub runs as its own process, as in production (`npm run hub` with DATABASE_URL): desks and hub do not share a thread.
const postgres = await startTestPostgres();
const hub = await launchHubProcess({ databaseUrl: postgres.url });
const url = hub.url;
const admin = adminApi(url);
const { siteId } = await admin.seed();
const issueCode = () => admin.code(siteId);

// Push latency as the desk sees it: request sent → answer read.
const pushLatencies: number[] = [];
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const started = performance.now();
  const response = await originalFetch(input, init);
  if (String(input).endsWith('/v1/push')) {
    const body = await response.arrayBuffer();
    pushLatencies.push(performance.now() - started);
    return new Response(body, { status: response.status, headers: response.headers });
  }
  return response;
};

/** A journal-like record: a session with aggregates in clear and a few identifying fields. */
const sessionPayload = (index: number) => ({
  kind: 'session',
  startedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  durationMinutes: 10 + (index % 50),
  serviceCodes: ['SPID', 'CIE', 'PAGOPA'].slice(0, 1 + (index % 3)),
  ageBand: ['18-29', '30-54', '55-64', '65+'][index % 4],
  citizenId: `c-${index % 5_000}`,
  notes: `Aiutato con la richiesta n. ${index}`,
});

const fill = (desk: TestDesk, count: number, prefix: string) => {
  const started = performance.now();
  desk.db().transaction(() => {
    for (let index = 0; index < count; index += 1) desk.write(`${prefix}-${index}`, sessionPayload(index));
  })();
  return (performance.now() - started) / 1000;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const line = (label: string, value: string, goal?: string) =>
  console.log(`${label.padEnd(46)} ${value}${goal ? `   (${goal})` : ''}`);

console.log(`PassoPasso sync benchmark — hub on PostgreSQL, loopback, ${process.platform} ${process.arch}\n`);

// 1. One desk, a big backlog.
let oneDeskSeconds: number;
{
  const desk = createTestDesk();
  const writing = fill(desk, RECORDS, 'one');
  await desk.enroll(url, await issueCode());
  pushLatencies.length = 0;
  const started = performance.now();
  const status = await desk.sync();
  const seconds = (performance.now() - started) / 1000;
  oneDeskSeconds = seconds;
  line(
    `${RECORDS.toLocaleString('en')} records, one desk → hub`,
    `${seconds.toFixed(2)} s, ${Math.round(RECORDS / seconds).toLocaleString('en')} records/s`,
    `goal ≤ 5 s: ${(5 / seconds).toFixed(2)}× the goal`,
  );
  line('  (writing them locally, not counted)', `${writing.toFixed(2)} s`);
  line('  push p95 latency (1,000 changes/request)', `${percentile(pushLatencies, 95).toFixed(0)} ms`);
  line('  unsent after sync', String(status.unsent));
  desk.close();
}

// 2. The peer baseline.
console.log();
{
  const adapter = values['pouch-adapter'] === 'memory' ? 'memory' : 'leveldb';
  const pouch = await pouchBaseline(RECORDS, sessionPayload, adapter);
  if (!pouch) {
    line('PouchDB → express-pouchdb baseline', 'skipped: pouchdb, express or express-pouchdb missing');
  } else {
    line(
      `${RECORDS.toLocaleString('en')} records, PouchDB → express-pouchdb`,
      `${pouch.seconds.toFixed(2)} s, ${Math.round(RECORDS / pouch.seconds).toLocaleString('en')} records/s (${adapter})`,
    );
    line('  docs written', pouch.written.toLocaleString('en'));
    line(
      '  PassoPasso sync vs PouchDB',
      `${(pouch.seconds / oneDeskSeconds).toFixed(1)}× faster`,
      `goal ≥ 10×: ${(pouch.seconds / oneDeskSeconds / 10).toFixed(2)}× the goal`,
    );
  }
}

// 3. Many desks at once.
console.log();
{
  const desks: TestDesk[] = [];
  for (let index = 0; index < DESKS; index += 1) {
    const desk = createTestDesk();
    fill(desk, PER_DESK, `many-${index}`);
    await desk.enroll(url, await issueCode());
    desks.push(desk);
  }
  pushLatencies.length = 0;
  const started = performance.now();
  await Promise.all(desks.map((desk) => desk.sync()));
  const seconds = (performance.now() - started) / 1000;
  const total = DESKS * PER_DESK;
  line(
    `${DESKS} desks × ${PER_DESK.toLocaleString('en')} records at once`,
    `${seconds.toFixed(2)} s, ${Math.round(total / seconds).toLocaleString('en')} records/s`,
  );
  line('  push p95 latency', `${percentile(pushLatencies, 95).toFixed(0)} ms over ${pushLatencies.length} pushes`);
  line('  unsent after sync', String(desks.reduce((sum, desk) => sum + desk.unsent(), 0)));
  for (const desk of desks) desk.close();
}

console.log('\nNote: the test cluster runs with fsync off; a production server with fsync on is slower to commit.');
await hub.stop();
await postgres.stop();
