import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../support/host-process.ts';

const SEED = join(import.meta.dirname, '../../../scripts/seed.ts');
const EXPORT = join(import.meta.dirname, '../../../scripts/export-facilita.ts');
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PASSOPASSO_LOG: 'silent' },
  });

describe('npm run seed', () => {
  it('--help prints its usage, no stack trace', () => {
    const result = run(SEED, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('usage: npm run seed');
    expect(result.stderr).toBe('');
  });

  it('an unknown option gets the usage, not a stack trace', () => {
    const result = run(SEED, '--sesions', '10');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run seed');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--not-demo seeds a desk whose data can be exported for Facilita', () => {
    const dataDir = tempDataDir('seed');
    expect(run(SEED, '--sessions', '200', '--data-dir', dataDir, '--not-demo').status).toBe(0);
    const exported = run(
      EXPORT,
      '--data-dir',
      dataDir,
      '--from',
      '2000-01-01',
      '--to',
      '2099-12-31',
      '--out',
      join(dataDir, 'out'),
    );
    expect(exported.stderr).not.toContain('demoData');
    expect(exported.stdout).toMatch(/wrote facilita_/);
    // Two Node processes, each migrating and encrypting a journal: slow on a busy 2-core machine.
  }, 60_000);
});
