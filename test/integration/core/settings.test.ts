import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings.ts';
import { createTestCore } from '../../support/core.ts';
import { tempDataDir } from '../../support/host-process.ts';

const settingsFile = (dataDir: string) => join(dataDir, 'settings.json');

describe('settings', () => {
  it('start from the defaults and persist a change across restarts', async () => {
    const core = createTestCore();
    expect(await core.dispatcher.call('settings.get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const changed = await core.dispatcher.call('settings.set', { language: 'en', textScale: 150 });
    expect(changed).toMatchObject({ ok: true, value: { language: 'en', textScale: 150 } });
    core.close();

    const again = createTestCore(core.dataDir);
    expect(await again.dispatcher.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { language: 'en', textScale: 150 },
    });
    again.close();
  });

  it('refuse an invalid change with field paths and change nothing', async () => {
    const core = createTestCore();
    await core.dispatcher.call('settings.set', { deskName: 'Sportello' });
    const before = readFileSync(settingsFile(core.dataDir), 'utf8');
    const result = await core.dispatcher.call('settings.set', {
      textScale: 250,
      language: 'de',
      deskName: 'x'.repeat(81),
      extra: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details?.issues?.map((issue) => issue.path).sort()).toEqual([
      '',
      'deskName',
      'language',
      'textScale',
    ]);
    expect(readFileSync(settingsFile(core.dataDir), 'utf8')).toBe(before);
    core.close();
  });

  it('emit settings.changed to subscribers', async () => {
    const core = createTestCore();
    const seen: unknown[] = [];
    core.events.subscribe((name, payload) => seen.push([name, payload]));
    await core.dispatcher.call('settings.set', { theme: 'highContrast' });
    expect(seen).toContainEqual(['settings.changed', expect.objectContaining({ theme: 'highContrast' })]);
    core.close();
  });

  for (const [label, content] of [
    ['not JSON', '{ "language": "it", '],
    ['JSON that breaks the schema', '{ "language": "klingon", "textScale": 999 }'],
  ] as const) {
    it(`a settings file that is ${label} → defaults restored, the bad file kept aside, a notice`, async () => {
      const dataDir = tempDataDir();
      writeFileSync(settingsFile(dataDir), content);
      const core = createTestCore(dataDir);
      expect(await core.dispatcher.call('settings.get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
      const keptAside = readdirSync(dataDir).filter((name) => name.startsWith('settings.json.invalid-'));
      expect(keptAside).toHaveLength(1);
      expect(readFileSync(join(dataDir, keptAside[0] ?? ''), 'utf8')).toBe(content);
      const info = await core.dispatcher.call('app.info', {});
      expect(info.ok && info.value.notices).toEqual([
        expect.objectContaining({ kind: 'settingsReset', keptAs: join(dataDir, keptAside[0] ?? '') }),
      ]);
      core.close();
    });
  }

  it('a missing settings file is simply the defaults, with no notice', async () => {
    const core = createTestCore();
    const info = await core.dispatcher.call('app.info', {});
    expect(info.ok && info.value.notices).toEqual([]);
    expect(existsSync(settingsFile(core.dataDir))).toBe(true);
    core.close();
  });
});
