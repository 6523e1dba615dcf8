import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPackStore } from '../../../main/core/guides/pack-store.ts';
import { tempDataDir } from '../../support/host-process.ts';

const BUNDLED = join(import.meta.dirname, '../../../resources/guides');

describe('the validated-pack cache', () => {
  it('gives the same packs as a full check, and notices an edited file', async () => {
    const root = join(tempDataDir('packs'), 'guides');
    cpSync(BUNDLED, root, { recursive: true });
    const cacheFile = join(tempDataDir('cache'), 'guide-packs.json');
    const now = new Date('2026-11-22T10:00:00Z');

    const full = createPackStore({ bundledDir: root, now });
    await full.load();
    const first = createPackStore({ bundledDir: root, cacheFile, now });
    await first.load();
    const cached = createPackStore({ bundledDir: root, cacheFile, now });
    await cached.load();
    expect(cached.list()).toEqual(full.list());
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries).toHaveProperty([join(root, 'spid-posteid')]);

    // A trainer breaks a pack: the cache must not hide it.
    const guideFile = join(root, 'spid-posteid', 'guide.yaml');
    writeFileSync(guideFile, readFileSync(guideFile, 'utf8').replace(/^start: .*$/m, 'start: nowhere'));
    const afterEdit = createPackStore({ bundledDir: root, cacheFile, now });
    await afterEdit.load();
    expect(afterEdit.rejected().map((pack) => pack.id)).toEqual(['spid-posteid']);
    expect(afterEdit.get('spid-posteid')).toBeUndefined();
  });

  it('is ignored on another day (the stale-review warning depends on the date)', async () => {
    const root = join(tempDataDir('packs'), 'guides');
    cpSync(join(BUNDLED, 'email-account'), join(root, 'email-account'), { recursive: true });
    const cacheFile = join(tempDataDir('cache'), 'guide-packs.json');
    await createPackStore({ bundledDir: root, cacheFile, now: new Date('2026-11-22T10:00:00Z') }).load();
    const later = createPackStore({ bundledDir: root, cacheFile, now: new Date('2028-01-01T10:00:00Z') });
    await later.load();
    expect(later.warnings().map((warning) => warning.code)).toContain('stale-review');
  });
});
