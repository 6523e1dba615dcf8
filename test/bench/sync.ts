// Sync benchmark (issues 5 and 10): prints figures and their ratio to the goals; never fails on them.
//   node test/bench/sync.ts [--records 100000] [--desks 20] [--per-desk 2000] [--pouch-adapter leveldb|memory]
// Runs against a hub on PostgreSQL (throwaway clusters from test/support/postgres.ts — the tests'
// one with fsync off, and one with fsync on as production commits — or PASSOPASSO_TEST_PG_URL),
// the hub as its own process, everything on 127.0.0.1. The records are sessions shaped as the
// journal writes them, so the hub checks every payload against the session schema as in production.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { recordChange } from '../../main/core/outbox/outbox.ts';
import { checkRecordPayload } from '../../shared/sync-protocol/record-payloads.ts';
import { createTestDesk, type TestDesk } from '../support/hub-desk.ts';
import { adminApi, launchHubProcess, type HubProcess } from '../support/hub-process.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { sessionPayload as journalSession } from '../support/record-payloads.ts';
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
/** The desk's own request timeout (the engine's default), not the tests' short one: 20 desks at once queue at the hub. */
const DESK_SYNC = { requestTimeoutMs: 30_000 };
/** Issue 10's goal: 100k records, one desk → PostgreSQL, in at most this many seconds (with payload checks on). */
const GOAL_SECONDS = 3;

interface BenchHub {
  postgres: TestPostgres;
  process: HubProcess;
  url: string;
  issueCode(): Promise<string>;
  stop(): Promise<void>;
}

// The hub runs as its own process, as in production (`npm run hub` with DATABASE_URL): desks and hub do not share a thread.
const startHub = async (durable: boolean): Promise<BenchHub> => {
  const postgres = await startTestPostgres({ durable });
  const hub = await launchHubProcess({ databaseUrl: postgres.url });
  const admin = adminApi(hub.url);
  const { siteId } = await admin.seed();
  return {
    postgres,
    process: hub,
    url: hub.url,
    issueCode: () => admin.code(siteId),
    async stop() {
      await hub.stop();
      await postgres.stop();
    },
  };
};

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

/** A record id for record `index` of `group` (a desk): a UUID, as the journal's ids are. */
const benchId = (group: number, index: number) =>
  `${group.toString(16).padStart(8, '0')}-0000-7000-8000-${index.toString(16).padStart(12, '0')}`;

const SERVICE_AREAS = [['A'], ['A', 'B'], ['C', 'D', 'E']];

/** A session as the journal syncs it: aggregates in clear, a citizen's id, free text. */
const sessionPayload = (index: number, group = 0) =>
  journalSession(benchId(group, index), {
    citizenId: benchId(0xffff, index % 5_000),
    date: new Date(Date.UTC(2026, 0, 1) + (index % 300) * 86_400_000).toISOString().slice(0, 10),
    duration: `00:${String(10 + (index % 50)).padStart(2, '0')}`,
    serviceAreas: SERVICE_AREAS[index % 3],
    details: `Aiutato con la richiesta n. ${index}`,
    reportable: true,
  });

/** `count` sessions into the desk's outbox in one transaction, through the outbox's one write. */
const fill = (desk: TestDesk, count: number, group: number) => {
  const started = performance.now();
  const db = desk.db();
  const cipher = desk.core.context.cipher();
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const payload = sessionPayload(index, group);
      recordChange(db, cipher, {
        entity: 'session',
        recordId: payload['id'] as string,
        op: 'upsert',
        version: 1,
        baseVersion: null,
        payload,
      });
    }
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

// 0. The payload checks on their own (in this process): what validation adds to a push at most.
{
  const payloads = Array.from({ length: RECORDS }, (_, index) => sessionPayload(index, 9));
  const started = performance.now();
  let refused = 0;
  for (const payload of payloads) {
    const change = { entity: 'session', recordId: payload['id'] as string, op: 'upsert' as const, payload };
    if (checkRecordPayload(change)) refused += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  line(
    `checking ${RECORDS.toLocaleString('en')} session payloads (one core)`,
    `${seconds.toFixed(2)} s, ${Math.round(RECORDS / seconds).toLocaleString('en')} payloads/s, ${refused} refused`,
    `${((seconds / GOAL_SECONDS) * 100).toFixed(0)}% of the ${GOAL_SECONDS} s goal`,
  );
  console.log();
}

/** One desk with a backlog of RECORDS sessions, pushed to a fresh hub: seconds, with p95 and what is left. */
const oneDesk = async (durable: boolean, group: number): Promise<number> => {
  const hub = await startHub(durable);
  const desk = createTestDesk({ sync: DESK_SYNC });
  try {
    const writing = fill(desk, RECORDS, group);
    await desk.enroll(hub.url, await hub.issueCode());
    pushLatencies.length = 0;
    const started = performance.now();
    const status = await desk.sync();
    const seconds = (performance.now() - started) / 1000;
    line(
      `${RECORDS.toLocaleString('en')} records, one desk → hub, fsync ${durable ? 'on' : 'off'}`,
      `${seconds.toFixed(2)} s, ${Math.round(RECORDS / seconds).toLocaleString('en')} records/s`,
      `goal ≤ ${GOAL_SECONDS} s: ${(GOAL_SECONDS / seconds).toFixed(2)}× the goal`,
    );
    line('  (writing them locally, not counted)', `${writing.toFixed(2)} s`);
    line('  push p95 latency (1,000 changes/request)', `${percentile(pushLatencies, 95).toFixed(0)} ms`);
    line('  unsent after sync (rejected included)', String(status.unsent));
    return seconds;
  } finally {
    desk.close();
    await hub.stop();
  }
};

// 1. One desk, a big backlog: on the tests' cluster (fsync off), then as production commits (fsync on).
const oneDeskSeconds = await oneDesk(false, 1);
const durableSeconds = await oneDesk(true, 2);

// 2. The peer baseline.
console.log();
{
  const adapter = values['pouch-adapter'] === 'memory' ? 'memory' : 'leveldb';
  const pouch = await pouchBaseline(RECORDS, (index) => sessionPayload(index), adapter);
  if (!pouch) {
    line('PouchDB → express-pouchdb baseline', 'skipped: pouchdb, express or express-pouchdb missing');
  } else {
    line(
      `${RECORDS.toLocaleString('en')} records, PouchDB → express-pouchdb`,
      `${pouch.seconds.toFixed(2)} s, ${Math.round(RECORDS / pouch.seconds).toLocaleString('en')} records/s (${adapter})`,
    );
    line('  docs written', pouch.written.toLocaleString('en'));
    for (const [label, seconds] of [
      ['fsync off', oneDeskSeconds],
      ['fsync on', durableSeconds],
    ] as const) {
      line(
        `  PassoPasso sync (${label}) vs PouchDB`,
        `${(pouch.seconds / seconds).toFixed(1)}× faster`,
        `goal ≥ 10×: ${(pouch.seconds / seconds / 10).toFixed(2)}× the goal`,
      );
    }
  }
}

// 3. Many desks at once (fsync off).
console.log();
{
  const hub = await startHub(false);
  const desks: TestDesk[] = [];
  for (let index = 0; index < DESKS; index += 1) {
    const desk = createTestDesk({ sync: DESK_SYNC });
    fill(desk, PER_DESK, 100 + index);
    await desk.enroll(hub.url, await hub.issueCode());
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
  await hub.stop();
}
