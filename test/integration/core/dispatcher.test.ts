import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';

describe('the dispatcher', () => {
  it('answers an unknown method with NOT_FOUND', async () => {
    const core = createTestCore();
    expect(await core.dispatcher.call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.close();
  });

  it('rejects unexpected input on a no-input method', async () => {
    const core = createTestCore();
    const result = await core.dispatcher.call('app.info', { surprise: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ code: 'unrecognized_keys' }] } },
    });
    core.close();
  });

  it('reports version, mode, data folder and a healthy database', async () => {
    const core = createTestCore();
    const info = await core.dispatcher.call('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: {
        name: 'PassoPasso',
        version: '0.0.0-test',
        mode: 'browser',
        dataDir: core.dataDir,
        database: { status: 'ok' },
      },
    });
    expect(await core.dispatcher.call('app.health', {})).toMatchObject({
      ok: true,
      value: { status: 'ok', database: 'ok' },
    });
    core.close();
  });

  it('dismisses a notice and refuses an empty id', async () => {
    const core = createTestCore();
    expect(await core.dispatcher.call('notices.dismiss', { id: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await core.dispatcher.call('notices.dismiss', { id: 'unknown' })).toEqual({ ok: true, value: [] });
    core.close();
  });

  it('refuses database.recover on a healthy database with CONFLICT', async () => {
    const core = createTestCore();
    expect(await core.dispatcher.call('database.recover', { action: 'startEmpty' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    core.close();
  });
});
