import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_MIGRATIONS } from '../../../server/db/migrations.ts';
import { createTestDesk, type TestDesk, writeOutboxChange } from '../../support/hub-desk.ts';
import { enrollDevice, HUB_BACKENDS, hubPost, makeChange, startTestHub, type TestHub } from '../../support/hub.ts';
import {
  callOk,
  cf,
  citizenInput,
  COORDINATOR_PIN,
  newCitizen,
  newSession,
  newVolunteer,
  setUpDesk,
  siteInput,
  today,
  VOLUNTEER_PIN,
  workshopWithRoster,
} from '../../support/journal.ts';
import { sessionPayload } from '../../support/record-payloads.ts';

/** Every payload the hub holds, as text: records and both versions of every conflict. */
const hubText = async (hub: TestHub): Promise<string> => {
  const rows = await hub.db.query<{ text: string }>(
    `SELECT payload::text AS text FROM records
     UNION ALL SELECT mine_payload::text FROM conflicts
     UNION ALL SELECT theirs_payload::text FROM conflicts`,
  );
  return rows.map((row) => row.text).join('\n');
};

const deskSecrets = (desk: TestDesk) =>
  desk.db().prepare("SELECT secret_hash FROM operators WHERE secret_hash <> ''").pluck().all() as string[];

const signInAgain = async (desk: TestDesk, operatorId: string, secret: string) => {
  await callOk(desk.core, 'journal.signOut', {});
  return callOk(desk.core, 'journal.signIn', { operatorId, secret });
};

describe.each(HUB_BACKENDS)('secrets stay on the desk, payloads are checked, on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(() => hub?.close());

  it('never pushes a PIN or password hash, and the desk keeps its own when it takes the hub’s version', async () => {
    const desk = createTestDesk();
    try {
      await desk.enroll(hub.url, await hub.issueCode());
      const coordinator = await setUpDesk(desk.core);
      const volunteer = await newVolunteer(desk.core);
      await callOk(desk.core, 'operators.changeOwnSecret', {
        current: COORDINATOR_PIN,
        secretKind: 'password',
        secret: 'una-password-lunga',
      });
      // An operator's version an older desk wrote, secret hash and all, still waiting in the outbox.
      const row = desk.db().prepare('SELECT * FROM operators WHERE id = ?').get(volunteer.id) as Record<
        string,
        unknown
      >;
      writeOutboxChange(desk, {
        entity: 'operator',
        recordId: volunteer.id,
        version: Number(row['version']) + 1,
        payload: {
          id: volunteer.id,
          name: 'Luca Volontario',
          role: 'volunteer',
          facilitaId: cf({ first: 'Luca', last: 'Neri', female: false, year: 2002 }),
          facilitaName: 'Neri Luca',
          active: true,
          secretKind: row['secret_kind'],
          secretHash: row['secret_hash'],
        },
      });
      desk.db().prepare('UPDATE operators SET version = version + 1 WHERE id = ?').run(volunteer.id);
      expect((await desk.sync()).unsent).toBe(0);

      const secrets = deskSecrets(desk);
      expect(secrets).toHaveLength(2);
      const records = await hub.records();
      expect(records.get(`operator/${coordinator.id}`)?.payload).toMatchObject({ name: 'Anna Coordinatrice' });
      expect(records.get(`operator/${volunteer.id}`)).toMatchObject({
        version: 2,
        payload: { name: 'Luca Volontario' },
      });
      const text = await hubText(hub);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/scrypt|secretHash|secretKind/);

      // Another desk renames the coordinator first; this desk's own edit is then a conflict.
      const other = await enrollDevice(hub);
      const current = records.get(`operator/${coordinator.id}`) as {
        version: number;
        payload: Record<string, unknown>;
      };
      const renamed = await hubPost(hub, '/push', other.token, {
        deviceId: other.deviceId,
        previousSeq: 0,
        backlog: 0,
        changes: [
          makeChange(
            1,
            coordinator.id,
            current.version + 1,
            { ...current.payload, name: 'Anna Rinominata' },
            {
              entity: 'operator',
            },
          ),
        ],
      });
      expect(renamed.body['results']).toMatchObject([{ outcome: 'acknowledged' }]);
      const mine = desk
        .db()
        .prepare('SELECT version FROM operators WHERE id = ?')
        .pluck()
        .get(coordinator.id) as number;
      await callOk(desk.core, 'operators.update', {
        id: coordinator.id,
        baseVersion: mine,
        name: 'Anna Coordinatrice Bis',
        role: 'coordinator',
        facilitaId: cf({ first: 'Anna', last: 'Verdi', year: 1980 }),
        facilitaName: 'Verdi Anna',
        active: true,
      });
      await desk.sync();
      const problems = await callOk(desk.core, 'sync.problems', {});
      expect(problems.map((problem) => [problem.kind, problem.entity])).toEqual([['conflict', 'operator']]);
      // The conflict screen shows both versions, neither with a secret.
      expect(JSON.stringify(problems)).not.toMatch(/scrypt|secretHash|secretKind/);
      expect(problems[0]?.conflict?.differingFields).toEqual(['name']);

      await callOk(desk.core, 'sync.resolve', { changeId: problems[0]!.changeId, choice: 'theirs' });
      expect((await desk.sync()).unsent).toBe(0);
      expect(await signInAgain(desk, coordinator.id, 'una-password-lunga')).toMatchObject({ name: 'Anna Rinominata' });
      expect(await signInAgain(desk, volunteer.id, VOLUNTEER_PIN)).toMatchObject({ role: 'volunteer' });
      expect(await hubText(hub)).not.toMatch(/scrypt|secretHash|secretKind/);
    } finally {
      desk.close();
    }
  });

  it('refuses a pushed payload that carries a secret, or that the desk could not have written, storing nothing', async () => {
    const raw = await enrollDevice(hub);
    const session = crypto.randomUUID();
    const operator = crypto.randomUUID();
    const response = await hubPost(hub, '/push', raw.token, {
      deviceId: raw.deviceId,
      previousSeq: 0,
      backlog: 0,
      changes: [
        makeChange(1, session, 1, { hello: 'world' }, { entity: 'session' }),
        makeChange(
          2,
          operator,
          1,
          { id: operator, name: 'Rosa', role: 'facilitator', facilitaId: '12', facilitaName: 'Rosa', active: true },
          { entity: 'operator' },
        ),
        makeChange(3, operator, 2, { id: operator, name: 'Rosa', secretHash: 'scrypt$abc' }, { entity: 'operator' }),
        makeChange(4, session, 1, sessionPayload(session, { duration: '25:99', serviceAreas: [] }), {
          entity: 'session',
          changeId: crypto.randomUUID(),
        }),
      ],
    });
    expect(response.status).toBe(200);
    const results = response.body['results'] as { outcome: string; reason?: { code: string; message: string } }[];
    expect(results.map((result) => [result.outcome, result.reason?.code])).toEqual([
      ['rejected', 'INVALID_PAYLOAD'],
      ['acknowledged', undefined],
      ['rejected', 'SECRET_IN_PAYLOAD'],
      ['rejected', 'INVALID_PAYLOAD'],
    ]);
    expect(results[0]?.reason?.message).toMatch(/hello: unknown field/);
    expect(results[0]?.reason?.message).toMatch(/date: missing/);
    expect(results[2]?.reason?.message).toMatch(/^secretHash:/);
    expect(results[3]?.reason?.message).toMatch(/duration: .*serviceAreas: at least 1/);
    const records = await hub.records();
    expect(records.has(`session/${session}`)).toBe(false);
    expect(records.get(`operator/${operator}`)).toMatchObject({ version: 1, payload: { name: 'Rosa' } });
    expect(await hubText(hub)).not.toMatch(/scrypt|hello/);
  });

  it('a desk shows a change the hub found invalid as rejected, with its reason, and the hub stores nothing', async () => {
    const desk = createTestDesk();
    try {
      await desk.enroll(hub.url, await hub.issueCode());
      await setUpDesk(desk.core);
      const id = crypto.randomUUID();
      writeOutboxChange(desk, { entity: 'session', recordId: id, version: 1, payload: { hello: 'world' } });
      const status = await desk.sync();
      expect(status.unsent).toBe(1);
      const problems = await callOk(desk.core, 'sync.problems', {});
      expect(problems).toMatchObject([
        { kind: 'rejected', entity: 'session', recordId: id, reason: { code: 'INVALID_PAYLOAD' } },
      ]);
      expect(problems[0]?.reason.message).toMatch(/hello: unknown field/);
      expect((await hub.records()).has(`session/${id}`)).toBe(false);
    } finally {
      desk.close();
    }
  });

  it('every payload the desk’s journal writes passes the hub’s check', async () => {
    const desk = createTestDesk();
    try {
      await desk.enroll(hub.url, await hub.issueCode());
      await setUpDesk(desk.core);
      const citizen = await newCitizen(desk.core);
      await callOk(desk.core, 'citizens.update', {
        ...citizenInput({ firstName: 'Maria Grazia' }),
        id: citizen.id,
        baseVersion: 1,
      } as never);
      const kept = await newSession(desk.core, citizen.id, {
        followUp: { dueDate: today(), reason: 'Richiamare per il PIN' },
        privateNotes: 'Nota riservata',
      });
      const followUp = (await callOk(desk.core, 'followUps.list', {}))[0];
      if (followUp) await callOk(desk.core, 'followUps.done', { id: followUp.id });
      const removed = await newSession(desk.core, null, { quick: true, details: '' });
      await callOk(desk.core, 'sessions.delete', { id: removed.id, baseVersion: 1, reason: 'Doppione' });
      const { workshop } = await workshopWithRoster(desk.core, 2, 1);
      await callOk(desk.core, 'workshops.close', { id: workshop.id });
      const site = await callOk(desk.core, 'site.get', {});
      await callOk(desk.core, 'site.update', { ...siteInput({ idleMinutes: 15 }), baseVersion: site.version } as never);
      const other = await newCitizen(desk.core, { codiceFiscale: cf({ first: 'Paolo', female: false, day: 20 }) });
      await newSession(desk.core, other.id);
      await callOk(desk.core, 'citizens.erase', { id: other.id, reason: 'Richiesta della persona' });
      expect(kept.id).toBeTruthy();

      const status = await desk.sync();
      expect(await callOk(desk.core, 'sync.problems', {})).toEqual([]);
      expect(status.unsent).toBe(0);
      const entities = new Set([...(await hub.records()).keys()].map((key) => key.split('/')[0]));
      for (const entity of ['operator', 'site', 'citizen', 'session', 'followUp', 'workshop', 'participant'])
        expect(entities).toContain(entity);
    } finally {
      desk.close();
    }
  });

  it('hub migration 70 erases the secrets an older hub stored, and a desk sending the same version again agrees', async () => {
    const raw = await enrollDevice(hub);
    const id = crypto.randomUUID();
    const payload = { id, name: 'Elena', role: 'trainer', facilitaId: '77', facilitaName: 'Elena', active: true };
    const first = await hubPost(hub, '/push', raw.token, {
      deviceId: raw.deviceId,
      previousSeq: 0,
      backlog: 0,
      changes: [makeChange(1, id, 1, payload, { entity: 'operator' })],
    });
    expect(first.body['results']).toMatchObject([{ outcome: 'acknowledged' }]);
    // What a hub before migration 70 held: the desk's hash inside the record and a conflict.
    const leaked = { secretKind: 'pin', secretHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA' };
    await hub.db.query(`UPDATE records SET payload = payload || $1::jsonb WHERE record_id = $2`, [
      JSON.stringify(leaked),
      id,
    ]);
    await hub.db.query(
      `INSERT INTO conflicts (change_id, organisation_id, device_id, entity, record_id, base_version, mine_version,
                              mine_op, mine_payload, theirs_version, theirs_op, theirs_payload)
       VALUES ($1, $2, $3, 'operator', $4, 1, 2, 'upsert', $5::jsonb, 1, 'upsert', $5::jsonb)`,
      [crypto.randomUUID(), hub.organisationId, raw.deviceId, id, JSON.stringify({ ...payload, ...leaked })],
    );
    expect(await hubText(hub)).toMatch(/scrypt/);
    // Migration 70 again, as it ran on a hub that had stored them (later migrations are already there).
    const erasing = HUB_MIGRATIONS.find((migration) => migration.version === 70);
    if (!erasing) throw new Error('hub migration 70 is missing');
    await hub.db.exec(erasing.sql);

    expect(await hubText(hub)).not.toMatch(/scrypt|secretHash|secretKind/);
    expect((await hub.records()).get(`operator/${id}`)?.payload).toEqual(payload);
    // The desk sends version 1 again (its hub was restored, say): the same content, not a conflict.
    const again = await hubPost(hub, '/push', raw.token, {
      deviceId: raw.deviceId,
      previousSeq: 1,
      backlog: 0,
      changes: [makeChange(2, id, 1, payload, { entity: 'operator' })],
    });
    expect(again.body['results']).toMatchObject([{ outcome: 'acknowledged', detail: 'sameContent' }]);
  });
});
