import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../main/core/app-core.ts';
import { DeskKeys } from '../../../main/core/keys/desk-keys.ts';
import { fileKeyVault, KEY_FILE_NAME } from '../../../main/core/keys/key-vault.ts';
import {
  KEYCHAIN_RECORD_FILE,
  passwordStoreSwitch,
  readKeychainRecord,
  SEALED_KEY_FILE,
  sealedKeyVault,
} from '../../../main/core/keys/sealed-vault.ts';
import { confStore } from '../../../main/core/settings/conf-store.ts';
import { createTestCore } from '../../support/core.ts';
import { FakeKeychain } from '../../support/fake-keychain.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { callOk, COORDINATOR_PIN, newCitizen, setUpDesk } from '../../support/journal.ts';

/** The core as Electron starts it: the key loaded from the (fake) OS keychain before anything else. */
const electronCore = async (dataDir: string, keychain: FakeKeychain) =>
  createAppCore({
    dataDir,
    mode: 'electron',
    version: '0.0.0-test',
    storeFactory: confStore,
    keys: await DeskKeys.open(sealedKeyVault(dataDir, keychain), dataDir),
  });

describe('the key sealed by the OS keychain', () => {
  it('is made and sealed on a fresh folder, never written in clear, and the same key comes back next start', async () => {
    const dir = tempDataDir('sealed');
    const keychain = new FakeKeychain();
    const core = await electronCore(dir, keychain);
    const first = core.keys.state;
    expect(first).toMatchObject({ status: 'ready', protection: 'gnome_libsecret' });
    core.close();
    expect(existsSync(join(dir, SEALED_KEY_FILE))).toBe(true);
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
    expect(readKeychainRecord(dir)).toEqual({ protection: 'keychain', backend: 'gnome_libsecret' });

    const again = await electronCore(dir, keychain);
    expect(again.keys.state).toEqual(first);
    again.close();
  });

  it('imports the desk.key that browser mode wrote, so the folder keeps one key', async () => {
    const browser = createTestCore();
    await setUpDesk(browser);
    const citizen = await newCitizen(browser);
    const { keyId } = browser.keys.state as { keyId: string };
    const operatorId = (await callOk(browser, 'journal.status', {})).operators[0]?.id ?? '';
    browser.close();

    const desk = await electronCore(browser.dataDir, new FakeKeychain());
    expect(desk.keys.state).toMatchObject({ status: 'ready', keyId });
    expect(existsSync(join(browser.dataDir, KEY_FILE_NAME))).toBe(false);
    await callOk(desk, 'journal.signIn', { operatorId, secret: COORDINATOR_PIN });
    expect(await callOk(desk, 'citizens.get', { id: citizen.id })).toMatchObject({ firstName: 'Maria' });
    desk.close();
  });

  it('with only the plain-text backend, offers the file key and remembers the choice', async () => {
    const dir = tempDataDir('basic-text');
    const keychain = new FakeKeychain('basic_text');
    const core = await electronCore(dir, keychain);
    expect((await callOk(core, 'app.info', {})).keys).toEqual({ status: 'weakKeychain' });
    expect(keychain.sealCalls).toBe(0);

    expect(await callOk(core, 'keys.useFileKey', {})).toMatchObject({ status: 'ready', protection: 'file' });
    await setUpDesk(core);
    core.close();
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(readKeychainRecord(dir)).toEqual({ protection: 'file' });

    const again = await electronCore(dir, keychain);
    expect(again.keys.state).toMatchObject({ status: 'ready', protection: 'file' });
    again.close();
  });

  it('a keychain that does not answer is its own state, and nothing is made', async () => {
    const dir = tempDataDir('no-keychain');
    const keychain = new FakeKeychain();
    keychain.available = false;
    const core = await electronCore(dir, keychain);
    expect(core.keys.state).toEqual({ status: 'unavailable', reason: 'keychainUnavailable' });
    expect(existsSync(join(dir, SEALED_KEY_FILE))).toBe(false);
    core.close();
  });

  it('after a keyring reset the sealed key is damaged; the recovery key seals it again', async () => {
    const dir = tempDataDir('reset');
    const keychain = new FakeKeychain();
    const core = await electronCore(dir, keychain);
    const { recoveryKey } = await callOk(core, 'keys.recoveryKey', {});
    await setUpDesk(core);
    const ready = core.keys.state;
    core.close();

    keychain.reset();
    const after = await electronCore(dir, keychain);
    expect(after.keys.state).toEqual({ status: 'unavailable', reason: 'keyDamaged' });
    expect(await callOk(after, 'keys.recover', { recoveryKey })).toMatchObject({ status: 'ready' });
    after.close();
    const again = await electronCore(dir, keychain);
    expect(again.keys.state).toMatchObject({ status: 'ready', keyId: (ready as { keyId: string }).keyId });
    again.close();
  });

  it("selects again the Linux backend that sealed the key (Electron's --password-store)", () => {
    const dir = tempDataDir('record');
    writeFileSync(join(dir, KEYCHAIN_RECORD_FILE), JSON.stringify({ protection: 'keychain', backend: 'kwallet5' }));
    expect(passwordStoreSwitch(readKeychainRecord(dir))).toBe('kwallet5');
    expect(passwordStoreSwitch({ protection: 'keychain', backend: 'gnome_libsecret' })).toBe('gnome-libsecret');
    expect(passwordStoreSwitch({ protection: 'file' })).toBeNull();
    expect(passwordStoreSwitch(null)).toBeNull();
  });
});

describe('the key file (browser mode)', () => {
  it('is created once, readable only by the user, and reused', () => {
    const core = createTestCore();
    const first = core.keys.state;
    core.close();
    expect(statSync(join(core.dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const again = createTestCore(core.dataDir);
    expect(again.keys.state).toEqual(first);
    again.close();
  });

  it('a damaged key file is its own state, never a silent new key', () => {
    const dir = tempDataDir('key');
    writeFileSync(join(dir, KEY_FILE_NAME), 'short');
    const core = createTestCore(dir);
    expect(core.keys.state).toEqual({ status: 'unavailable', reason: 'keyDamaged' });
    core.close();
    expect(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')).toBe('short');
    expect(fileKeyVault(dir).readNow()).toEqual({ kind: 'problem', problem: 'keyDamaged' });
  });
});
