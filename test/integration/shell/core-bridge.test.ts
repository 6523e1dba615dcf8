import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEALED_KEY_FILE, sealedKeyVault } from '../../../main/core/keys/sealed-vault.ts';
import { WindowCallers } from '../../../main/shell/window-callers.ts';
import type { EventName } from '../../../shared/contract/names.ts';
import { coreInWorker } from '../../support/core-worker-link.ts';
import { FakeKeychain } from '../../support/fake-keychain.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { setUpInput } from '../../support/journal.ts';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the core in its own process, over a MessagePort', () => {
  it('answers calls, sends its events, keeps its key in the main side keychain, and closes on request', async () => {
    const dataDir = tempDataDir('bridge');
    const keychain = new FakeKeychain();
    const core = await coreInWorker(dataDir, sealedKeyVault(dataDir, keychain));
    const heard: EventName[] = [];
    core.subscribe(() => {
      throw new Error('a destroyed window');
    });
    core.subscribe((name) => heard.push(name));

    const info = await core.call('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { mode: 'electron', keys: { status: 'ready', protection: 'gnome_libsecret' } },
    });
    expect(existsSync(join(dataDir, SEALED_KEY_FILE))).toBe(true);

    expect(await core.call('journal.setUp', setUpInput())).toMatchObject({ ok: true });
    expect(await core.call('settings.set', { deskName: 'Sportello' })).toMatchObject({ ok: true });
    await until(() => heard.includes('settings.changed'));
    expect(await core.call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A citizen window's calls cross the bridge as the citizen view: the core's gate keeps it to its own run.
    const started = await core.call('guides.run.start', { guideId: 'cie-activate-credentials', language: 'it' });
    const runId = started.ok ? (started.value as { run: { id: string } }).run.id : '';
    const windows = new WindowCallers();
    windows.register(7, `citizen:${runId}`);
    expect(await core.call('guides.run.citizen', { runId }, windows.callerOf(7))).toMatchObject({ ok: true });
    for (const [method, input] of [
      ['journal.status', {}],
      ['history.search', {}],
      ['guides.run.next', { runId }],
      ['guides.run.citizen', { runId: crypto.randomUUID() }],
    ] as const) {
      expect(await core.call(method, input, windows.callerOf(7)), method).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await core.call('journal.status', {}, windows.callerOf(8))).toMatchObject({ ok: true });

    await core.close();
    await core.worker.terminate();

    const again = await coreInWorker(dataDir, sealedKeyVault(dataDir, keychain));
    expect(await again.call('journal.status', {})).toMatchObject({ ok: true, value: { setUp: true } });
    expect((await again.call('app.info', {})).ok && keychain.sealCalls).toBe(1);
    await again.close();
    await again.worker.terminate();
  });
});
