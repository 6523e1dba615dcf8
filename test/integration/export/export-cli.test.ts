import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { newCitizen, newSession, setCutoff, setUpDesk, today } from '../../support/journal.ts';

const CLI = join(import.meta.dirname, '../../../scripts/export-facilita.ts');
const runCli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PASSOPASSO_LOG: 'silent' } });

describe('npm run export:facilita', () => {
  it('writes the files, says what it wrote, and exits non-zero when nothing valid is left', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    await setCutoff(core, today());
    const citizen = await newCitizen(core);
    await newSession(core, citizen.id);
    core.close();
    const out = join(tempDataDir('cli'), 'out');

    const first = runCli('--data-dir', core.dataDir, '--from', today(), '--to', today(), '--out', out);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^wrote facilita_12345_.*_part-1\.csv \(1 rows, sha256 [0-9a-f]{64}\)/);
    expect(readdirSync(out)).toHaveLength(2);

    const again = runCli('--data-dir', core.dataDir, '--from', today(), '--to', today(), '--out', out);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('nothingToExport');
    expect(readdirSync(out)).toHaveLength(2);
  });

  it('refuses bad arguments with its usage', () => {
    const result = runCli('--from', 'yesterday');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run export:facilita');
  });
});
