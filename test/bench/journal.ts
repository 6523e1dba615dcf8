/**
 * Journal benchmark (npm run bench:journal [-- --sessions 100000 --data-dir DIR]): seeds a desk
 * (unless DIR already holds one), then measures saving a session through the contract with
 * synchronous=FULL, the first page of history and a filtered search. Prints figures as ratios
 * to the goals (≤ 1 meets it); never fails on them.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAppCore } from '../../main/core/app-core.ts';
import { addDays, localDate } from '../../main/core/journal/journal-context.ts';
import { confStore } from '../../main/core/settings/conf-store.ts';
import { seed, SEED_PIN } from '../../scripts/seed.ts';
import { tempDataDir } from '../support/host-process.ts';

const GOALS = { saveP95: 10, historyFirstPage: 50, filteredSearch: 50 };

const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' } },
});
const dataDir = values['data-dir'] ?? tempDataDir('passopasso-bench');
process.env['PASSOPASSO_LOG'] = 'silent';
const core = createAppCore({ dataDir, mode: 'browser', version: 'bench', storeFactory: confStore });
const db = core.database.db;
const existing = db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
const wanted = Number(values.sessions);
if (existing < wanted) {
  const started = performance.now();
  await seed(core, wanted - existing);
  console.log(`seeded ${wanted - existing} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(
  `sessions in the database: ${db.prepare('SELECT count(*) FROM sessions').pluck().get()}; synchronous=${db.pragma('synchronous', { simple: true })} (2 = FULL)`,
);

const call = async (method: string, input: unknown) => {
  const result = await core.dispatcher.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as never;
};
const status = (await call('journal.status', {})) as { operators: { id: string; role: string }[] };
const coordinator = status.operators.find((operator) => operator.role === 'coordinator');
await call('journal.signIn', { operatorId: coordinator?.id, secret: SEED_PIN });

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const time = async (runs: number, task: (index: number) => Promise<unknown>) => {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await task(index);
    samples.push(performance.now() - started);
  }
  return samples;
};

const citizenId = db.prepare('SELECT id FROM citizens WHERE erased_at IS NULL LIMIT 1').pluck().get() as string;
const today = localDate(new Date());
const saves = await time(200, (index) =>
  call('sessions.create', {
    citizenId,
    date: today,
    duration: '00:20',
    serviceTypes: ['A'],
    competences: [6],
    serviceAreas: ['B'],
    details: `Pagamento pagoPA ${index}`,
    outcome: 'resolved',
  }),
);
const firstPage = await time(30, () => call('history.search', {}));
const filtered = await time(30, (index) =>
  call('history.search', {
    serviceArea: ['A', 'B', 'C', 'L'][index % 4],
    outcome: 'resolved',
    from: addDays(today, -180),
    kind: 'sessions',
  }),
);
const unsynced = await time(30, () => call('history.search', { unsynced: true }));

const line = (label: string, ms: number, goal: number) =>
  console.log(
    `${label.padEnd(42)} ${ms.toFixed(2).padStart(8)} ms   goal ${goal} ms   ratio ${(ms / goal).toFixed(2)}`,
  );
line('save a session, p50', percentile(saves, 50), GOALS.saveP95);
line('save a session, p95', percentile(saves, 95), GOALS.saveP95);
line('history, first page (median)', percentile(firstPage, 50), GOALS.historyFirstPage);
line('history, area+outcome+date (median)', percentile(filtered, 50), GOALS.filteredSearch);
line('history, not yet synced (median)', percentile(unsynced, 50), GOALS.filteredSearch);
core.close();
