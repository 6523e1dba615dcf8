import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPackStore } from '../../../main/core/guides/pack-store.ts';
import { BUNDLED_GUIDES, REVIEW_DAY, STORE_FIXTURES } from './paths.ts';

const bundledDir = join(STORE_FIXTURES, 'bundled');
const root = (name: string) => join(STORE_FIXTURES, name);

describe('guide pack store', () => {
  it('uses the bundled pack when nothing is installed', async () => {
    const store = createPackStore({ bundledDir, now: REVIEW_DAY });
    const summary = await store.load();
    expect(summary).toMatchObject({ loaded: 1, rejected: 0 });
    expect(store.get('demo-guide')?.meta.version).toBe('1.0.0');
    expect(store.rejected()).toEqual([]);
  });

  it('lets the newest valid version win', async () => {
    const store = createPackStore({ bundledDir, installedDirs: [root('installed-newer-valid')], now: REVIEW_DAY });
    await store.load();
    expect(store.get('demo-guide')?.meta.version).toBe('1.1.0');
    expect(store.list().map((p) => p.meta.id)).toEqual(['demo-guide', 'other-guide']);
  });

  it('keeps the newer bundled version over an older installed one', async () => {
    const store = createPackStore({ bundledDir, installedDirs: [root('installed-older-valid')], now: REVIEW_DAY });
    await store.load();
    expect(store.get('demo-guide')?.meta.version).toBe('1.0.0');
    expect(store.rejected()).toEqual([]);
  });

  it('rejects an invalid newer version with its reasons and keeps the previous one', async () => {
    const store = createPackStore({ bundledDir, installedDirs: [root('installed-newer-invalid')], now: REVIEW_DAY });
    const summary = await store.load();
    expect(summary).toMatchObject({ loaded: 1, rejected: 1 });
    expect(store.get('demo-guide')?.meta.version).toBe('1.0.0');
    const [rejected] = store.rejected();
    expect(rejected).toMatchObject({ id: 'demo-guide', version: '2.0.0' });
    expect(rejected?.errors.map((e) => [e.code, e.line])).toEqual([['broken-target', 22]]);
  });

  it('picks the newest valid version across several installed folders', async () => {
    const store = createPackStore({
      bundledDir,
      installedDirs: [root('installed-newer-invalid'), root('installed-newer-valid'), root('installed-older-valid')],
      now: REVIEW_DAY,
    });
    await store.load();
    expect(store.get('demo-guide')?.meta.version).toBe('1.1.0');
    expect(store.rejected().map((r) => r.version)).toEqual(['2.0.0']);
  });

  it('treats a missing installed folder as empty', async () => {
    const store = createPackStore({ bundledDir, installedDirs: [root('does-not-exist')], now: REVIEW_DAY });
    await expect(store.load()).resolves.toMatchObject({ loaded: 1, rejected: 0 });
  });

  it('loads the whole bundled library and measures the time it took', async () => {
    const store = createPackStore({ bundledDir: BUNDLED_GUIDES, now: REVIEW_DAY });
    const summary = await store.load();
    expect(summary.loaded).toBeGreaterThanOrEqual(15);
    expect(summary.rejected).toBe(0);
    expect(summary.ms).toBeGreaterThan(0);
    expect(summary.ms).toBeLessThan(5000);
    expect(store.get('pagopa-pay-notice')?.texts.it?.title).toBe('Pagare un avviso pagoPA');
    expect(store.get('no-such-guide')).toBeUndefined();
  });
});
