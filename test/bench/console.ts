// `npm run bench:console`: the organisation console's first load to interactive, on loopback, in
// Chromium against a real hub (PGlite, real HTTP): a fresh browser profile each run (nothing
// cached), from navigation to the desks table with its buttons ready, and to the sign-in form when
// signed out. Goal ≤ 1 s. A benchmark, not a test: it prints figures and never fails on them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts';
import { consoleClient, makeAccount, PASSWORD } from '../support/console-client.ts';
import { enrollDevice, startTestHub } from '../support/hub.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 9);
const DESKS = 20;
const GOAL_MS = 1000;

await build({ configFile: 'vite.console.config.ts', logLevel: 'warn' });
const hub = await startTestHub('pglite');
for (let desk = 0; desk < DESKS; desk += 1) await enrollDevice(hub);
const email = 'referente@comune.example.it';
await makeAccount(hub.db, { email, role: 'referente', organisationId: hub.organisationId });
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);

const measure = async (signedIn: boolean) => {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    if (signedIn) {
      const client = consoleClient(hub.url);
      await client.signIn(email, PASSWORD);
      const [name, value] = (client.cookie ?? '').split('=');
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: `${hub.url}/console/` }]);
    }
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${hub.url}/console/desks`);
    const ready = signedIn
      ? page.getByRole('button', { name: /^Revoca / }).first()
      : page.getByRole('button', { name: 'Entra' });
    await ready.waitFor();
    times.push(performance.now() - started);
    await context.close();
  }
  return times.sort((a, b) => a - b);
};

const report = (label: string, times: number[]) => {
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(44)} median of ${RUNS}: ${median.toFixed(0)} ms   (goal ≤ ${GOAL_MS} ms: ratio ${(median / GOAL_MS).toFixed(2)})`,
  );
  console.log(`  runs: ${times.map((time) => time.toFixed(0)).join(', ')} ms`);
};

report(`console → desks table ready (${DESKS} desks)`, await measure(true));
report('console → sign-in form ready (signed out)', await measure(false));
const assets = join('out/console/assets');
const js = readdirSync(assets).filter((file) => file.endsWith('.js'));
const kb = js.reduce((total, file) => total + gzipSync(readFileSync(join(assets, file))).length, 0) / 1024;
console.log(`console JS gzipped: ${kb.toFixed(1)} KB`);
await browser.close();
await hub.close();
