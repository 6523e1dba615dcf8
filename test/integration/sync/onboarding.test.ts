import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../../scripts/seed.ts';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { startTestHub, type TestHub } from '../../support/hub.ts';
import {
  callError,
  callOk,
  cf,
  COORDINATOR_PIN,
  newCitizen,
  newSession,
  setUpDesk,
  setUpInput,
  siteInput,
} from '../../support/journal.ts';

/** The organisation's settings for a new site at the hub (each test has its own site). */
const HUB_SETTINGS = {
  facilitaName: 'Punto Digitale Facile Biblioteca',
  facilitaId: '10002',
  ente: 'Comune di Prova',
  province: 'CR',
  idleMinutes: 25,
};

describe('onboarding a desk to an organisation (real hub, real desks)', () => {
  let hub: TestHub;
  const desks: TestDesk[] = [];
  const newDesk = () => {
    const desk = createTestDesk();
    desks.push(desk);
    return desk;
  };
  const newSite = async (settings: Record<string, unknown> = HUB_SETTINGS) => {
    const site = await hub.admin.createSite(hub.organisationId, `Sede ${crypto.randomUUID().slice(0, 8)}`, settings);
    return { ...site, code: async () => (await hub.admin.issueCode(site.id)).code };
  };
  const siteRow = (desk: TestDesk) =>
    desk.db().prepare('SELECT version, facilita_name, backdate_days FROM site').get() as {
      version: number;
      facilita_name: string;
      backdate_days: number;
    };
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  }, 60_000);
  afterEach(() => {
    for (const desk of desks.splice(0)) desk.close();
  });
  afterAll(() => hub?.close());

  it('on an enrolled desk the hub-owned site fields are refused at the field; a desk-local one is saved', async () => {
    const site = await newSite();
    const desk = newDesk();
    await setUpDesk(desk.core);
    // Before enrolling, every field is the desk's own.
    expect(await callOk(desk.core, 'journal.organisation', {})).toMatchObject({ organisationName: null, hubOwned: [] });
    await desk.enroll(hub.url, await site.code());
    await desk.sync();

    const view = await callOk(desk.core, 'journal.organisation', {});
    expect(view).toMatchObject({ organisationName: 'Comune di Prova', siteName: site.name });
    expect(view.hubOwned.sort()).toEqual(['ente', 'facilitaId', 'facilitaName', 'idleMinutes', 'province']);
    expect(view.settings).toMatchObject({ facilitaName: HUB_SETTINGS.facilitaName, province: 'Cremona' });
    const current = await callOk(desk.core, 'site.get', {});
    expect(current).toMatchObject({ facilitaName: HUB_SETTINGS.facilitaName, idleMinutes: 25 });

    const { id: _id, version, demo: _demo, ...fields } = current;
    const refused = await callError(desk.core, 'site.update', {
      ...fields,
      facilitaName: 'Nome scritto allo sportello',
      idleMinutes: 5,
      baseVersion: version,
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.issues?.map((issue) => [issue.path, issue.code])).toEqual([
      ['facilitaName', 'managedByHub'],
      ['idleMinutes', 'managedByHub'],
    ]);
    expect(siteRow(desk)).toMatchObject({ version, facilita_name: HUB_SETTINGS.facilitaName });

    // The province as typed ("CR") is the hub's "Cremona": not a change.
    const saved = await callOk(desk.core, 'site.update', {
      ...fields,
      province: 'CR',
      backdateDays: 3,
      baseVersion: version,
    });
    expect(saved).toMatchObject({ version: version + 1, backdateDays: 3, facilitaName: HUB_SETTINGS.facilitaName });
  });

  it('set-up after enrollment picks the roster’s coordinator: their PIN is set here, no second coordinator', async () => {
    const site = await newSite();
    const { id: coordinatorId } = await hub.admin.putOperator(hub.organisationId, {
      displayName: 'Rita Referente',
      role: 'coordinator',
      active: true,
      siteId: site.id,
    });
    await hub.admin.putOperator(hub.organisationId, {
      displayName: 'Tino Formatore',
      role: 'trainer',
      active: true,
      siteId: site.id,
    });
    const desk = newDesk();
    await callOk(desk.core, 'sync.enroll', { hubUrl: hub.url, code: await site.code() });
    await desk.sync();

    const view = await callOk(desk.core, 'journal.organisation', {});
    expect(view.coordinators).toEqual([{ id: coordinatorId, name: 'Rita Referente' }]);

    // Typing a coordinator would make a second one: refused, nothing written.
    expect(await callError(desk.core, 'journal.setUp', setUpInput())).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'rosterCoordinator' },
    });
    const coordinator = {
      operatorId: coordinatorId,
      facilitaId: cf({ first: 'Rita', last: 'Rossi', year: 1975 }),
      facilitaName: 'Rossi Rita',
      secretKind: 'pin' as const,
      secret: COORDINATOR_PIN,
    };
    // The site step is the hub's where the hub set it.
    const typedSite = siteInput({ facilitaId: '99999' });
    const refused = await callError(desk.core, 'journal.setUpFromRoster', { site: typedSite, coordinator });
    expect(refused.details?.issues?.map((issue) => issue.path)).toEqual([
      'site.facilitaName',
      'site.facilitaId',
      'site.ente',
      'site.idleMinutes',
    ]);
    expect(
      await callError(desk.core, 'journal.setUpFromRoster', {
        site: siteInput({ ...HUB_SETTINGS }),
        coordinator: { ...coordinator, operatorId: crypto.randomUUID() },
      }),
    ).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'notInRoster' } });
    expect(await callOk(desk.core, 'journal.status', {})).toMatchObject({ setUp: false });

    const signedIn = await callOk(desk.core, 'journal.setUpFromRoster', {
      site: siteInput({ ...HUB_SETTINGS }),
      coordinator,
    });
    expect(signedIn).toEqual({ id: coordinatorId, name: 'Rita Referente', role: 'coordinator' });
    const operators = await callOk(desk.core, 'operators.list', {});
    expect(operators.filter((operator) => operator.role === 'coordinator')).toEqual([
      expect.objectContaining({ id: coordinatorId, active: true, facilitaName: 'Rossi Rita' }),
    ]);
    await callOk(desk.core, 'journal.signOut', {});
    await callOk(desk.core, 'journal.signIn', { operatorId: coordinatorId, secret: COORDINATOR_PIN });
    // Set up once: the roster's coordinator is no longer offered.
    expect((await callOk(desk.core, 'journal.organisation', {})).coordinators).toEqual([]);

    expect((await desk.sync()).unsent).toBe(0);
    // At the hub too, this desk's only coordinator is the roster's.
    const deviceId = desk.db().prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get();
    const pushed = await hub.db.query<{ record_id: string }>(
      "SELECT record_id FROM records WHERE entity = 'operator' AND device_id = $1 AND payload->>'role' = 'coordinator'",
      [deviceId],
    );
    expect(pushed.map((row) => row.record_id)).toEqual([coordinatorId]);
  });

  it('a demo desk cannot enroll until its demo data is removed; the removal keeps every real record', async () => {
    const site = await newSite({});
    const desk = newDesk();
    await setUpDesk(desk.core);
    const real = await newCitizen(desk.core);
    const realSession = await newSession(desk.core, real.id);
    const filled = await callOk(desk.core, 'journal.fillDemo', { sessions: 12 });
    const code = await site.code();
    expect(await callError(desk.core, 'sync.enroll', { hubUrl: hub.url, code })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'demoData' },
    });
    expect(await callOk(desk.core, 'sync.status', {})).toMatchObject({ enrolled: false });

    const count = (table: string) => desk.db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(count('sessions')).toBe(13);
    const removed = await callOk(desk.core, 'journal.removeDemo', {});
    expect(removed).toMatchObject({ sessions: 12, workshops: 1, citizens: filled.citizens });
    expect(desk.db().prepare('SELECT id FROM sessions').pluck().all()).toEqual([realSession.id]);
    expect(desk.db().prepare('SELECT id FROM citizens').pluck().all()).toEqual([real.id]);
    expect(count('workshops')).toBe(0);
    expect(count('operators')).toBe(1);
    expect(count('dashboard_services')).toBe(1);
    expect((await callOk(desk.core, 'journal.status', {})).demo).toBe(false);

    // The code was not used up by the refusal; the hub gets the real records only, and takes them.
    await desk.enroll(hub.url, code);
    expect((await desk.sync()).unsent).toBe(0);
    const records = await hub.records();
    expect([...records.keys()].filter((key) => key.startsWith('session/'))).toEqual([`session/${realSession.id}`]);
    expect([...records.keys()].filter((key) => key.startsWith('citizen/'))).toEqual([`citizen/${real.id}`]);
    const [device] = await hub.db.query<{ demo: boolean }>('SELECT demo FROM devices WHERE id = $1', [
      desk.db().prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get(),
    ]);
    expect(device?.demo).toBe(false);
  });

  it('a real record that uses demo data stops the removal: nothing is deleted', async () => {
    const desk = newDesk();
    await setUpDesk(desk.core);
    await callOk(desk.core, 'journal.fillDemo', { sessions: 6 });
    const demoCitizen = desk.db().prepare('SELECT id FROM citizens LIMIT 1').pluck().get() as string;
    // A real session (not written by the fill) of a demo citizen.
    await newSession(desk.core, demoCitizen);
    const before = desk
      .db()
      .prepare('SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM demo_records)')
      .raw()
      .get();
    expect(await callError(desk.core, 'journal.removeDemo', {})).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'demoInUse' },
    });
    expect(
      desk.db().prepare('SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM demo_records)').raw().get(),
    ).toEqual(before);
    expect((await callOk(desk.core, 'journal.status', {})).demo).toBe(true);
  });

  it('an enrolled desk refuses the demo fill and the seed, and set-up with demo data', async () => {
    const site = await newSite({});
    const desk = newDesk();
    await callOk(desk.core, 'sync.enroll', { hubUrl: hub.url, code: await site.code() });
    await desk.sync();
    expect(await callError(desk.core, 'journal.setUp', { ...setUpInput(), demo: true })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'enrolledNoDemo' },
    });
    await setUpDesk(desk.core);
    expect(await callError(desk.core, 'journal.fillDemo', { sessions: 5 })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'enrolledNoDemo' },
    });
    await expect(seed(desk.core, 5)).rejects.toMatchObject({ details: { reason: 'enrolledNoDemo' } });
    expect(desk.db().prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    expect(desk.db().prepare('SELECT count(*) FROM operators').pluck().get()).toBe(1);
  });

  it('removing the seed’s demo data leaves the seeded desk’s coordinator and site', async () => {
    const desk = newDesk();
    await seed(desk.core, 40);
    expect(desk.db().prepare('SELECT count(*) FROM demo_records').pluck().get()).toBeGreaterThan(40);
    const coordinator = desk
      .db()
      .prepare("SELECT id FROM operators WHERE role = 'coordinator'")
      .pluck()
      .get() as string;
    await callOk(desk.core, 'journal.signIn', { operatorId: coordinator, secret: '1234' });
    await callOk(desk.core, 'journal.removeDemo', {});
    expect(desk.db().prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    expect(desk.db().prepare('SELECT id FROM operators').pluck().all()).toEqual([coordinator]);
    expect(await callOk(desk.core, 'site.get', {})).toMatchObject({ demo: false });
  });
});
