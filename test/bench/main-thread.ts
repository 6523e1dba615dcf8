// `npm run bench:main-thread`: the longest stall of the app's main event loop (where Electron's
// windows, menus and every window's IPC live) during a Facilita export of a seeded journal, with
// the core in-process (as before) and in a separate thread over the MessagePort bridge (as the
// utilityProcess runs it). Goal: no stall above 50 ms. Prints figures as ratios to the goal; never fails.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../main/core/app-core.ts';
import { fileKeyVault } from '../../main/core/keys/key-vault.ts';
import { addDays, localDate } from '../../main/core/journal/journal-context.ts';
import type { Result } from '../../shared/contract/result.ts';
import { seed } from '../../scripts/seed.ts';
import { createTestCore } from '../support/core.ts';
import { coreInWorker } from '../support/core-worker-link.ts';
import { tempDataDir } from '../support/host-process.ts';
import { COORDINATOR_PIN, setUpDesk } from '../support/journal.ts';

const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 20_000);
const GOAL_MS = 50;
const TICK_MS = 2;

type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Runs `work` while a timer on this event loop notes the longest gap between its ticks. */
const longestStall = async (work: () => Promise<unknown>) => {
  let longest = 0;
  let last = performance.now();
  const watchdog = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  const started = performance.now();
  await work();
  const total = performance.now() - started;
  clearInterval(watchdog);
  longest = Math.max(longest, performance.now() - last - TICK_MS);
  return { longest, total };
};

const exportPeriod = async (call: Call) => {
  const status = (await call('journal.status', {})) as Result<{ operators: { id: string; role: string }[] }>;
  const coordinator = status.ok ? status.value.operators.find((card) => card.role === 'coordinator') : undefined;
  await call('journal.signIn', { operatorId: coordinator?.id, secret: COORDINATOR_PIN });
  const today = localDate(new Date());
  return longestStall(async () => {
    const result = await call('facilita.export', { from: addDays(today, -730), to: today });
    if (!result.ok) throw new Error(`facilita.export: ${JSON.stringify(result.error)}`);
  });
};

// A real (not demo) desk, so the export runs; then the seeded history.
const seeded = createTestCore(tempDataDir('bench-main-thread'));
await setUpDesk(seeded);
await seed(seeded as AppCore, SESSIONS);
seeded.close();
const copyOf = () => {
  const dir = tempDataDir('bench-main-thread-copy');
  cpSync(seeded.dataDir, dir, { recursive: true });
  return dir;
};

const inProcessDir = copyOf();
const inProcess = createTestCore(inProcessDir);
const before = await exportPeriod((method, input) => inProcess.dispatcher.call(method, input));
inProcess.close();

const workerDir = copyOf();
const worker = await coreInWorker(workerDir, fileKeyVault(workerDir));
const after = await exportPeriod(worker.call);
await worker.close();
await worker.worker.terminate();

// The floor: the same watch over an idle loop as long as the export, on this (shared) machine.
const idle = await longestStall(() => new Promise((done) => setTimeout(done, after.total)));

const line = (label: string, figures: { longest: number; total: number }) =>
  `${label.padEnd(34)} longest main-loop stall ${figures.longest.toFixed(0).padStart(5)} ms = ${(figures.longest / GOAL_MS).toFixed(2)} × goal (export ${(figures.total / 1000).toFixed(1)} s)`;
console.log(`Facilita export of ${SESSIONS} seeded sessions (${join(seeded.dataDir)}), goal ≤ ${GOAL_MS} ms:`);
console.log(line('core in-process (before)', before));
console.log(line('core in its own thread (after)', after));
console.log(line('idle loop, same duration (floor)', idle));
