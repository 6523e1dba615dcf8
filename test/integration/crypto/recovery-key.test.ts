import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyIdOf, parseRecoveryKey, recoveryKeyOf, RECOVERY_GROUPS } from '../../../main/core/keys/recovery-key.ts';
import { fileKeyVault } from '../../../main/core/keys/key-vault.ts';
import { createTestCore } from '../../support/core.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { pdfText } from '../../support/pdf-text.ts';
import {
  callError,
  callOk,
  citizenInput,
  COORDINATOR_PIN,
  newCitizen,
  newVolunteer,
  setUpDesk,
  VOLUNTEER_PIN,
} from '../../support/journal.ts';

/** A desk set up the way the wizard does it: recovery key taken and confirmed, then the journal. */
const deskWithCitizen = async () => {
  const core = createTestCore();
  const { recoveryKey } = await callOk(core, 'keys.recoveryKey', {});
  await callOk(core, 'keys.recoveryKey.confirm', { part: recoveryKey.split('-').slice(-2).join('-') });
  const coordinator = await setUpDesk(core);
  const citizen = await newCitizen(core);
  return { core, recoveryKey, coordinator, citizen };
};

/** Another machine: the journal file copied over, and none of this machine's keys. */
const copyJournalTo = (from: string) => {
  const to = tempDataDir('new-machine');
  copyFileSync(join(from, 'passopasso.sqlite'), join(to, 'passopasso.sqlite'));
  return to;
};

const readCitizen = async (core: ReturnType<typeof createTestCore>, operatorId: string, citizenId: string) => {
  await callOk(core, 'journal.signIn', { operatorId, secret: COORDINATOR_PIN });
  return callOk(core, 'citizens.get', { id: citizenId });
};

describe('the recovery key', () => {
  it('is the key in 14 groups of four, read back whatever the case, spacing or O/0 and I/1 mix-ups', () => {
    const key = Buffer.alloc(32, 7);
    const text = recoveryKeyOf(key);
    expect(text.split('-')).toHaveLength(RECOVERY_GROUPS);
    const sloppy = text.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(parseRecoveryKey(sloppy)).toEqual({ ok: true, key });
  });

  it('a typo is caught by the checksum, not taken for another key', () => {
    const text = recoveryKeyOf(Buffer.alloc(32, 9));
    const typo = `${text.slice(0, 5)}${text[5] === 'A' ? 'B' : 'A'}${text.slice(6)}`;
    expect(parseRecoveryKey(typo)).toEqual({ ok: false, reason: 'malformed' });
    expect(parseRecoveryKey(text.slice(0, -1))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('set-up shows it and takes back only its last groups; afterwards nobody can read it from the desk', async () => {
    const core = createTestCore();
    const { recoveryKey, keyId } = await callOk(core, 'keys.recoveryKey', {});
    expect((await callOk(core, 'app.info', {})).keys).toMatchObject({
      status: 'ready',
      keyId,
      recoveryConfirmed: false,
    });
    expect(await callError(core, 'keys.recoveryKey.confirm', { part: recoveryKey.split('-')[0] })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'part', code: 'wrongPart' }] },
    });
    const last = recoveryKey.split('-').slice(-2).join(' ').toLowerCase();
    expect(await callOk(core, 'keys.recoveryKey.confirm', { part: last })).toMatchObject({ recoveryConfirmed: true });
    const sheet = await callOk(core, 'keys.recoveryKey.sheet', {});
    const { text, pages } = pdfText(Buffer.from(sheet.base64, 'base64'));
    expect(pages).toBe(1);
    expect(text).toContain('Chiave di recupero del registro');
    for (const group of recoveryKey.split('-')) expect(text).toContain(group);

    await setUpDesk(core);
    expect(await callError(core, 'keys.recoveryKey', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(core, 'keys.recoveryKey.sheet', {})).toMatchObject({ code: 'FORBIDDEN' });
    core.close();
  });

  it('a desk set up without confirming it shows the key to its signed-in coordinator only, until confirmed', async () => {
    const core = createTestCore();
    const coordinator = await setUpDesk(core);
    const volunteer = await newVolunteer(core);
    const { recoveryKey } = await callOk(core, 'keys.recoveryKey', {});
    await callOk(core, 'journal.signOut', {});
    expect(await callError(core, 'keys.recoveryKey', {})).toMatchObject({ code: 'LOCKED' });
    await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
    expect(await callError(core, 'keys.recoveryKey', {})).toMatchObject({ code: 'FORBIDDEN' });
    await callOk(core, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN });
    await callOk(core, 'keys.recoveryKey.confirm', { part: recoveryKey.slice(-9) });
    expect(await callError(core, 'keys.recoveryKey', {})).toMatchObject({ code: 'FORBIDDEN' });
    core.close();
  });

  it('opens the journal on a new machine, refusing a wrong key and a mistyped one', async () => {
    const { core, recoveryKey, coordinator, citizen } = await deskWithCitizen();
    const { keyId } = (await callOk(core, 'app.info', {})).keys as { keyId: string };
    core.close();
    const other = await deskWithCitizen();
    other.core.close();

    const moved = createTestCore(copyJournalTo(core.dataDir));
    expect((await callOk(moved, 'app.info', {})).keys).toEqual({ status: 'missing', keyId });
    await callOk(moved, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN });
    expect(await callError(moved, 'citizens.get', { id: citizen.id })).toMatchObject({
      code: 'STORAGE',
      details: { reason: 'keyNotReady' },
    });

    expect(await callError(moved, 'keys.recover', { recoveryKey: other.recoveryKey })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'recoveryKey', code: 'wrongKey' }] },
    });
    expect(await callError(moved, 'keys.recover', { recoveryKey: recoveryKey.slice(0, -2) })).toMatchObject({
      details: { issues: [{ path: 'recoveryKey', code: 'malformed' }] },
    });
    expect(await callOk(moved, 'keys.recover', { recoveryKey })).toMatchObject({ status: 'ready', keyId });
    expect(await readCitizen(moved, coordinator.id, citizen.id)).toMatchObject({
      lastName: citizenInput().lastName,
    });
    moved.close();

    // The typed key is kept: the next start needs nothing.
    const again = createTestCore(moved.dataDir);
    expect(again.keys.state).toMatchObject({ status: 'ready', keyId });
    again.close();
  });

  it('a machine with a key of its own refuses the journal as made under another key, until its recovery key is typed', async () => {
    const { core, recoveryKey, coordinator, citizen } = await deskWithCitizen();
    core.close();
    const target = copyJournalTo(core.dataDir);
    const ownKey = Buffer.alloc(32, 1);
    fileKeyVault(target).writeNow(ownKey);

    const moved = createTestCore(target);
    const state = (await callOk(moved, 'app.info', {})).keys;
    expect(state).toMatchObject({ status: 'mismatch', foundKeyId: keyIdOf(ownKey) });
    await callOk(moved, 'keys.recover', { recoveryKey });
    expect(await readCitizen(moved, coordinator.id, citizen.id)).toMatchObject({ firstName: 'Maria' });
    const kept = fileKeyVault(target).readNow();
    expect(kept.kind === 'key' && recoveryKeyOf(kept.key)).toBe(recoveryKey);
    moved.close();
  });

  it('restores a backup on a new machine whose journal is damaged, then opens it with the recovery key', async () => {
    const { core, recoveryKey, coordinator, citizen } = await deskWithCitizen();
    // Today's backup, taken now that the journal holds the citizen (the one taken at start was empty).
    for (const old of core.database.backups()) rmSync(old.path);
    const backup = await core.database.backupIfDue();
    core.close();

    const target = tempDataDir('new-machine');
    mkdirSync(join(target, 'backups'));
    copyFileSync(backup?.path ?? '', join(target, 'backups', backup?.name ?? ''));
    writeFileSync(join(target, 'passopasso.sqlite'), 'not a database');

    const moved = createTestCore(target);
    const info = await callOk(moved, 'app.info', {});
    expect(info.database.status).toBe('damaged');
    // Nothing is made over a journal we could not read: no new key in the folder.
    expect(fileKeyVault(target).readNow()).toEqual({ kind: 'empty' });

    await callOk(moved, 'database.recover', { action: 'restoreBackup', backup: backup?.name ?? '' });
    expect((await callOk(moved, 'app.info', {})).keys).toMatchObject({ status: 'missing' });
    await callOk(moved, 'keys.recover', { recoveryKey });
    expect(await readCitizen(moved, coordinator.id, citizen.id)).toMatchObject({ firstName: 'Maria' });
    moved.close();
  });
});
