// `npm test`: build if needed, then every test — Vitest (unit + integration) and Playwright (e2e in
// Debian's Chromium) — and one closing line that counts them all: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { buildIsStale } from './build-state.mjs';

const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;

if (buildIsStale() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

rmSync('test-summary/unit.json', { force: true });
rmSync('test-summary/e2e.json', { force: true });
const unitStatus = run(['vitest', 'run']);
const e2eStatus = run(['playwright', 'test']);

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = readJson('test-summary/unit.json');
const e2e = readJson('test-summary/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);
const missing = (unit ? 0 : 1) + (e2e ? 0 : 1);

console.log(`\n${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
process.exit(unitStatus !== 0 || e2eStatus !== 0 || failed + missing > 0 || passed === 0 ? 1 : 0);
