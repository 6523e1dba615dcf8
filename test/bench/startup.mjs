// `npm run bench:startup`: time from spawning browser mode to the shell fully rendered in Chromium
// (median of several runs), and the initial JS size gzipped. Goals: ≤ 1.0 s and ≤ 350 KB.
// A benchmark, not a test: it prints figures and never fails on them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts';
import { launchHost, tempDataDir } from '../support/host-process.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GOAL_MS = 1000;
const GOAL_KB = 350;

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const initialJsBytes = () => {
  const html = readFileSync('out/renderer/index.html', 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  return scripts.reduce((total, file) => total + gzipSync(readFileSync(join('out/renderer', file))).length, 0);
};

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
const dataDir = tempDataDir('passopasso-bench');
const times = [];
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = performance.now();
  const host = await launchHost({ dataDir });
  await page.goto(host.openUrl);
  await page.locator('main h1').waitFor();
  await page.locator('nav a').first().waitFor();
  await page.locator('footer').waitFor();
  times.push(performance.now() - started);
  await context.close();
  await host.stop();
}
await browser.close();

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const kb = initialJsBytes() / 1024;
console.log(
  `startup (spawn → shell rendered), median of ${RUNS}: ${median.toFixed(0)} ms (goal ${GOAL_MS} ms, ratio ${(median / GOAL_MS).toFixed(2)})`,
);
console.log(`  runs: ${times.map((time) => time.toFixed(0)).join(', ')} ms`);
console.log(`initial JS gzipped: ${kb.toFixed(1)} KB (goal ${GOAL_KB} KB, ratio ${(kb / GOAL_KB).toFixed(2)})`);
