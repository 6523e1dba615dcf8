import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packFromFolder } from '../../../server/admin/guide-pack.ts';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { startTestHub, type TestHub } from '../../support/hub.ts';
import {
  callError,
  callOk,
  cf,
  COORDINATOR_PIN,
  newVolunteer,
  setUpDesk,
  setUpInput,
  siteInput,
  VOLUNTEER_PIN,
} from '../../support/journal.ts';

describe('the hub’s roster, site settings and guide packs applied on the desk', () => {
  let hub: TestHub;
  const desks: TestDesk[] = [];
  const newDesk = async () => {
    const desk = createTestDesk();
    desks.push(desk);
    await desk.enroll(hub.url, await hub.issueCode());
    await setUpDesk(desk.core);
    return desk;
  };
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  }, 60_000);
  afterEach(() => {
    for (const desk of desks.splice(0)) desk.close();
  });
  afterAll(() => hub?.close());

  it('an operator created at the hub joins inactive; once a coordinator sets a PIN, they sign in', async () => {
    const desk = await newDesk();
    const { id } = await hub.admin.putOperator(hub.organisationId, {
      displayName: 'Giulia Rossi',
      role: 'trainer',
      active: true,
      siteId: hub.siteId,
    });
    await desk.sync();
    const listed = (await callOk(desk.core, 'operators.list', {})).find((operator) => operator.id === id);
    expect(listed).toMatchObject({ name: 'Giulia Rossi', role: 'trainer', active: false, version: 1 });
    await callOk(desk.core, 'journal.signOut', {});
    expect(await callError(desk.core, 'journal.signIn', { operatorId: id, secret: '1357' })).toMatchObject({
      code: 'FORBIDDEN',
    });

    await callOk(desk.core, 'journal.signIn', {
      operatorId: desk.db().prepare("SELECT id FROM operators WHERE role = 'coordinator'").pluck().get() as string,
      secret: '2468',
    });
    const activation = {
      id,
      baseVersion: 1,
      name: 'Giulia Rossi',
      role: 'trainer' as const,
      facilitaId: cf({ first: 'Giulia', last: 'Rossi', year: 1990 }),
      facilitaName: 'Rossi Giulia',
      active: true,
    };
    // Without a PIN, activating is refused and nothing changes.
    expect(await callError(desk.core, 'operators.update', activation)).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'secretRequired' },
    });
    expect(desk.db().prepare('SELECT version, active FROM operators WHERE id = ?').get(id)).toEqual({
      version: 1,
      active: 0,
    });
    await callOk(desk.core, 'operators.update', { ...activation, secretKind: 'pin', secret: '1357' });
    await callOk(desk.core, 'journal.signOut', {});
    await callOk(desk.core, 'journal.signIn', { operatorId: id, secret: '1357' });
    expect((await desk.sync()).unsent).toBe(0);
    expect(desk.core.sync.problems()).toEqual([]);

    // The hub renames and then deactivates: the desk follows, and the PIN stays.
    await hub.admin.putOperator(hub.organisationId, {
      id,
      displayName: 'Giulia R.',
      role: 'trainer',
      active: false,
      siteId: hub.siteId,
    });
    await desk.sync();
    const row = desk.db().prepare('SELECT name, active, secret_hash FROM operators WHERE id = ?').get(id) as {
      name: string;
      active: number;
      secret_hash: string;
    };
    expect(row).toMatchObject({ name: 'Giulia R.', active: 0 });
    expect(row.secret_hash).not.toBe('');
  });

  it('the hub cannot deactivate or demote the desk’s last active coordinator', async () => {
    const desk = await newDesk();
    const coordinator = desk
      .db()
      .prepare("SELECT id FROM operators WHERE role = 'coordinator'")
      .pluck()
      .get() as string;
    await hub.admin.putOperator(hub.organisationId, {
      id: coordinator,
      displayName: 'Anna Bianchi (hub)',
      role: 'volunteer',
      active: false,
      siteId: hub.siteId,
    });
    await desk.sync();
    expect(desk.db().prepare('SELECT name, role, active FROM operators WHERE id = ?').get(coordinator)).toEqual({
      name: 'Anna Bianchi (hub)',
      role: 'coordinator',
      active: 1,
    });
  });

  it('a desk enrolled before set-up: once set up, it has the roster and the site settings that came first', async () => {
    const desk = createTestDesk();
    desks.push(desk);
    await hub.admin.putOperator(hub.organisationId, {
      displayName: 'Paolo Verdi',
      role: 'trainer',
      active: true,
      siteId: hub.siteId,
    });
    await hub.admin.setSiteSettings(hub.siteId, { idleMinutes: 25 });
    // Nobody is signed in and there is nobody yet: connecting is the first thing IT staff do.
    await callOk(desk.core, 'sync.enroll', { hubUrl: hub.url, code: await hub.issueCode() });
    await desk.sync();
    // Set-up sends the hub's value (the wizard shows it read-only); another one is refused (onboarding.test.ts).
    await callOk(desk.core, 'journal.setUp', { ...setUpInput(), site: siteInput({ idleMinutes: 25 }) });
    expect(await callOk(desk.core, 'site.get', {})).toMatchObject({ idleMinutes: 25 });
    const operators = await callOk(desk.core, 'operators.list', {});
    expect(operators.find((operator) => operator.name === 'Paolo Verdi')).toMatchObject({ active: false });
  });

  it('once the desk is set up, only a signed-in coordinator may connect it to a hub', async () => {
    const desk = createTestDesk();
    desks.push(desk);
    await setUpDesk(desk.core);
    await newVolunteer(desk.core);
    const volunteer = desk.db().prepare("SELECT id FROM operators WHERE role = 'volunteer'").pluck().get() as string;
    const coordinator = desk
      .db()
      .prepare("SELECT id FROM operators WHERE role = 'coordinator'")
      .pluck()
      .get() as string;
    const code = await hub.issueCode();
    await callOk(desk.core, 'journal.signOut', {});
    expect(await callError(desk.core, 'sync.enroll', { hubUrl: hub.url, code })).toMatchObject({
      code: 'LOCKED',
      details: { reason: 'signedOut' },
    });
    await callOk(desk.core, 'journal.signIn', { operatorId: volunteer, secret: VOLUNTEER_PIN });
    expect(await callError(desk.core, 'sync.enroll', { hubUrl: hub.url, code })).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'role' },
    });
    expect(await callOk(desk.core, 'sync.status', {})).toMatchObject({ enrolled: false });
    await callOk(desk.core, 'journal.signOut', {});
    await callOk(desk.core, 'journal.signIn', { operatorId: coordinator, secret: COORDINATOR_PIN });
    // The code was not used up by the refused attempts.
    await callOk(desk.core, 'sync.enroll', { hubUrl: hub.url, code });
    expect(await callOk(desk.core, 'sync.status', {})).toMatchObject({ enrolled: true });
  });

  it('site settings from the hub replace the desk’s rules; the hub refuses unknown or invalid ones whole', async () => {
    const desk = await newDesk();
    for (const wrong of [
      { idleMinutes: 20, backdateDays: 'many' },
      { idleMinutes: 20, retentionMonth: 36 },
    ]) {
      await expect(hub.admin.setSiteSettings(hub.siteId, wrong)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await hub.admin.setSiteSettings(hub.siteId, { idleMinutes: 20, allowMinors: true });
    await desk.sync();
    expect(await callOk(desk.core, 'site.get', {})).toMatchObject({
      idleMinutes: 20,
      allowMinors: true,
      backdateDays: 7,
    });
  });

  it('the guide pack store reloads after a pull installed packs', async () => {
    const desk = await newDesk();
    const before = await callOk(desk.core, 'guides.library', {});
    const pack = packFromFolder(
      join(import.meta.dirname, '../../fixtures/guides/store/installed-newer-valid/demo-guide'),
    );
    await hub.admin.publishGuidePack(hub.organisationId, pack);
    await desk.sync();
    const after = await callOk(desk.core, 'guides.library', {});
    expect(after.loaded).toBe(before.loaded + 1);
  });

  it('applies a page in the transaction that stores its cursor: a failure keeps neither', async () => {
    const desk = await newDesk();
    await hub.admin.setSiteSettings(hub.siteId, { idleMinutes: 30 });
    const cursor = () => desk.db().prepare('SELECT pull_cursor FROM sync_state').pluck().get() as number;
    // The site settings' applier fails (a write to the site table that SQLite refuses) after the page's items were stored.
    desk
      .db()
      .exec("CREATE TEMP TRIGGER site_refused BEFORE UPDATE ON site BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      expect((await desk.sync()).lastError).not.toBeNull();
      expect(cursor()).toBe(0);
      expect((await callOk(desk.core, 'site.get', {})).idleMinutes).toBe(10);
    } finally {
      desk.db().exec('DROP TRIGGER site_refused');
    }
    expect((await desk.sync()).lastError).toBeNull();
    expect(cursor()).toBeGreaterThan(0);
    expect((await callOk(desk.core, 'site.get', {})).idleMinutes).toBe(30);
  });
});
