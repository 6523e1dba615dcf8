// `npm run bench:startup`: time from spawning browser mode to the shell fully rendered in Chromium
// (median of several runs), and the initial JS size gzipped. Goals: ≤ 1.0 s and ≤ 350 KB.
// A benchmark, not a test: it prints figures and never fails on them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GOAL_MS = 1000;
const GOAL_KB = 350;
const READY = 'PassoPasso is running at ';

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const initialJsBytes = () => {
  const html = readFileSync('out/renderer/index.html', 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  return scripts.reduce((total, file) => total + gzipSync(readFileSync(join('out/renderer', file))).length, 0);
};

const startHost = (dataDir) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/host.mjs'], {
      env: { ...process.env, PASSOPASSO_DATA_DIR: dataDir, PASSOPASSO_NO_OPEN: '1', PASSOPASSO_LOG: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((candidate) => candidate.startsWith(READY));
      if (line) resolve({ child, url: line.slice(READY.length).trim() });
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const dataDir = mkdtempSync(join(tmpdir(), 'passopasso-bench-'));
const times = [];
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = performance.now();
  const { child, url } = await startHost(dataDir);
  await page.goto(url);
  await page.locator('main h1').waitFor();
  await page.locator('nav a').first().waitFor();
  await page.locator('footer').waitFor();
  times.push(performance.now() - started);
  await context.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
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
