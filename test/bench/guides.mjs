// `npm run bench:guides`: (1) load + validate every guide pack (goal ≤ 100 ms), cold in a fresh
// process and warm; (2) time from the operator pressing "Next"/"Back" to the citizen view showing
// that step, in Chromium with two pages against a spawned host (goal ≤ 50 ms median).
// A benchmark, not a test: it prints figures as ratios to the goals and never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createPackStore } from '../../main/core/guides/pack-store.ts';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts';
import { launchHost } from '../support/host-process.ts';
import { setUpInput } from '../support/journal.ts';

const LOAD_GOAL_MS = 100;
const MIRROR_GOAL_MS = 50;
const LOAD_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const GUIDE = 'cie-activate-credentials';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratio = (value, goal) => `${value.toFixed(1)} ms (goal ${goal} ms, ratio ${(value / goal).toFixed(2)})`;

// 1. Pack loading. The first load in this process is the cold one the desk pays at start-up
//    (YAML parser, schemas and files not yet warm); the later ones show the steady cost.
const loads = [];
for (let run = 0; run < LOAD_RUNS; run += 1) {
  const store = createPackStore({ bundledDir: 'resources/guides' });
  const summary = await store.load();
  if (summary.rejected > 0) console.log(`  note: ${summary.rejected} pack(s) rejected`);
  loads.push(summary.ms);
}
console.log(`guide packs load + validate, cold (first in process): ${ratio(loads[0], LOAD_GOAL_MS)}`);
console.log(
  `guide packs load + validate, warm median of ${LOAD_RUNS - 1}: ${ratio(median(loads.slice(1)), LOAD_GOAL_MS)}`,
);

// 1b. What a desk pays at its second and later start-ups: a fresh process whose packs were
//     validated before (the validated-pack cache in the data folder), files unchanged.
const cacheFile = join(mkdtempSync(join(tmpdir(), 'passopasso-bench-cache-')), 'guide-packs.json');
// Each run also reports how long importing the checker's modules took before load() started.
const loadInFreshProcess = () => {
  const script = `const started = performance.now();
    const { createPackStore } = await import('./main/core/guides/pack-store.ts');
    const importMs = performance.now() - started;
    const summary = await createPackStore({ bundledDir: 'resources/guides', cacheFile: ${JSON.stringify(cacheFile)} }).load();
    process.stdout.write(JSON.stringify({ ms: summary.ms, importMs }));`;
  return JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout);
};
const { ms: firstStart, importMs } = loadInFreshProcess();
const laterStarts = Array.from({ length: 5 }, () => loadInFreshProcess().ms);
console.log(`guide packs at first start (fresh process, checks everything): ${ratio(firstStart, LOAD_GOAL_MS)}`);
console.log(`  before it, importing the checker (TypeScript, yaml, zod): ${importMs.toFixed(1)} ms, outside the goal`);
console.log(
  `guide packs at later starts (fresh process, validated cache), median of 5: ${ratio(median(laterStarts), LOAD_GOAL_MS)}`,
);

// 2. Operator "Next" → citizen view showing the step.
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const host = await launchHost();
const { url: origin } = host;
const url = host.openUrl;
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
try {
  const context = await browser.newContext();
  const operator = await context.newPage();
  await operator.goto(url);
  const call = async (method, data) =>
    (await (await operator.request.post(`${origin}/api/rpc/${method}`, { data })).json()).value;
  // Running a guide is for a signed-in operator: set the desk up (which signs its coordinator in).
  await call('journal.setUp', setUpInput());
  const { run } = await call('guides.run.start', { guideId: GUIDE, language: 'it' });
  await call('guides.run.checklist', { runId: run.id, missing: [] });
  await call('guides.run.answer', { runId: run.id, answerId: 'puk' });
  await call('guides.run.answer', { runId: run.id, answerId: 'yes' });
  await call('guides.run.answer', { runId: run.id, answerId: 'yes' });

  await operator.goto(`${origin}/#/guides/run/${run.id}`);
  await operator.locator('#step-title').waitFor();
  const citizen = await context.newPage();
  await citizen.goto(`${origin}/#/citizen/${run.id}`);
  await citizen.getByTestId('citizen-step-title').waitFor();
  // Every change of the citizen's step title, with a clock both pages share (timeOrigin + now).
  await citizen.evaluate(() => {
    window.benchChanges = [];
    let last = document.querySelector('[data-testid="citizen-step-title"]')?.textContent;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="citizen-step-title"]')?.textContent;
      if (text === last) return;
      last = text;
      window.benchChanges.push({ text, at: performance.timeOrigin + performance.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  const press = (label) =>
    operator.evaluate((name) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      if (!button || button.disabled) return null;
      const at = performance.timeOrigin + performance.now();
      button.click();
      return at;
    }, label);

  const samples = [];
  for (let round = 0; round < ROUNDS * 2; round += 1) {
    const label = round % 2 === 0 ? 'Avanti' : 'Indietro';
    for (;;) {
      const seen = await citizen.evaluate(() => window.benchChanges.length);
      const pressedAt = await press(label);
      if (pressedAt === null) break;
      await citizen.waitForFunction((count) => window.benchChanges.length > count, seen);
      const change = await citizen.evaluate((index) => window.benchChanges[index], seen);
      samples.push(change.at - pressedAt);
      await operator.locator('#step-title', { hasText: change.text }).waitFor();
    }
  }
  console.log(
    `next/back → citizen view shows the step, median of ${samples.length}: ${ratio(median(samples), MIRROR_GOAL_MS)}`,
  );
  console.log(`  samples: ${samples.map((sample) => sample.toFixed(0)).join(', ')} ms`);
} finally {
  await browser.close();
  await host.stop();
}
