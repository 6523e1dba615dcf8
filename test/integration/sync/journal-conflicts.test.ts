import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPayload, recordChange } from '../../../main/core/outbox/outbox.ts';
import { createTestDesk, type TestDesk, writeOutboxChange } from '../../support/hub-desk.ts';
import { startTestHub, type TestHub } from '../../support/hub.ts';
import {
  callError,
  callOk,
  citizenInput,
  COORDINATOR_PIN,
  newCitizen,
  newSession,
  sessionInput,
  setUpDesk,
} from '../../support/journal.ts';

/** The payload this desk sent for a record's version (what another desk would hold). */
const sentPayload = (desk: TestDesk, recordId: string, version: number): Record<string, unknown> => {
  const row = desk
    .db()
    .prepare('SELECT change_id, payload FROM outbox WHERE record_id = ? AND version = ?')
    .get(recordId, version) as { change_id: string; payload: string };
  return readPayload(desk.core.context.cipher(), row.change_id, row.payload) as Record<string, unknown>;
};

/** Another desk's edit of a record (version + 1 on `version`), as it reaches the hub. */
const otherEdit = (
  desk: TestDesk,
  entity: string,
  recordId: string,
  version: number,
  payload: Record<string, unknown>,
) => writeOutboxChange(desk, { entity, recordId, version: version + 1, payload });

describe('a resolved conflict written back into the journal', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  }, 60_000);
  afterAll(() => hub?.close());

  it('keep theirs: the desk’s citizen takes the other desk’s version, and later edits apply cleanly', async () => {
    const mine = createTestDesk();
    const other = createTestDesk();
    try {
      for (const desk of [mine, other]) {
        await desk.enroll(hub.url, await hub.issueCode());
        await setUpDesk(desk.core);
      }
      const citizen = await newCitizen(mine.core);
      expect((await mine.sync()).unsent).toBe(0);

      // The other desk edits the same citizen (version 2 on version 1) and reaches the hub first.
      const theirs = { ...sentPayload(mine, citizen.id, 1), firstName: 'Mariella', email: 'mariella@example.org' };
      other
        .db()
        .transaction(() =>
          recordChange(
            other.db(),
            other.core.context.cipher(),
            { entity: 'citizen', recordId: citizen.id, op: 'upsert', version: 2, baseVersion: 1, payload: theirs },
            new Date(),
          ),
        )();
      expect((await other.sync()).unsent).toBe(0);

      await callOk(mine.core, 'citizens.update', {
        ...citizenInput({ firstName: 'Maria Grazia' }),
        id: citizen.id,
        baseVersion: 1,
      } as never);
      await mine.sync();
      const problems = await callOk(mine.core, 'sync.problems', {});
      expect(problems.map((problem) => [problem.kind, problem.entity])).toEqual([['conflict', 'citizen']]);

      await callOk(mine.core, 'sync.resolve', { changeId: problems[0]!.changeId, choice: 'theirs' });
      const kept = await callOk(mine.core, 'citizens.get', { id: citizen.id });
      expect(kept).toMatchObject({
        version: 2,
        firstName: 'Mariella',
        email: 'mariella@example.org',
        reportable: true,
      });
      expect((await mine.sync()).unsent).toBe(0);
      expect(await callOk(mine.core, 'sync.problems', {})).toEqual([]);

      // The desk now edits on the hub's version: no conflict again.
      await callOk(mine.core, 'citizens.update', {
        ...citizenInput({ firstName: 'Mariella', email: 'mariella@example.org', phone: '+39 333 7654321' }),
        id: citizen.id,
        baseVersion: 2,
      } as never);
      expect((await mine.sync()).unsent).toBe(0);
      expect(await callOk(mine.core, 'sync.problems', {})).toEqual([]);
      const records = await hub.records();
      expect(records.get(`citizen/${citizen.id}`)).toMatchObject({
        version: 3,
        payload: { firstName: 'Mariella', phone: '+39 333 7654321' },
      });
    } finally {
      mine.close();
      other.close();
    }
  });

  it('keep mine: the desk’s session is written at the version after the hub’s, and syncs as the latest', async () => {
    const mine = createTestDesk();
    const other = createTestDesk();
    try {
      await other.enroll(hub.url, await hub.issueCode());
      await setUpDesk(other.core);
      await mine.enroll(hub.url, await hub.issueCode());
      const coordinator = await setUpDesk(mine.core);
      const citizen = await newCitizen(mine.core);
      const session = await newSession(mine.core, citizen.id);
      expect((await mine.sync()).unsent).toBe(0);
      otherEdit(other, 'session', session.id, 1, { ...sentPayload(mine, session.id, 1), duration: '01:00' });
      expect((await other.sync()).unsent).toBe(0);

      await callOk(mine.core, 'sessions.update', {
        ...sessionInput(citizen.id, { details: 'Prenotazione CUP online', serviceAreas: ['B'] }),
        id: session.id,
        baseVersion: 1,
      } as never);
      await mine.sync();
      const [problem] = await callOk(mine.core, 'sync.problems', {});
      // Nobody signed in: nobody could answer for the kept version, so resolving is refused and changes nothing.
      await callOk(mine.core, 'journal.signOut', {});
      expect((await callError(mine.core, 'sync.resolve', { changeId: problem!.changeId, choice: 'mine' })).code).toBe(
        'LOCKED',
      );
      await callOk(mine.core, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN });
      expect(await callOk(mine.core, 'sync.problems', {})).toEqual([problem]);
      await callOk(mine.core, 'sync.resolve', { changeId: problem!.changeId, choice: 'mine' });
      const resolved = await callOk(mine.core, 'sessions.get', { id: session.id });
      expect(resolved).toMatchObject({
        version: 3,
        details: 'Prenotazione CUP online',
        duration: '00:30',
        serviceAreas: ['B'],
      });
      expect(mine.db().prepare('SELECT area FROM session_areas WHERE session_id = ?').pluck().all(session.id)).toEqual([
        'B',
      ]);
      // The kept version is audited once, like any edit, naming who chose it.
      expect(resolved.audit.filter((entry) => entry.version === 3)).toEqual([
        expect.objectContaining({ version: 3, action: 'resolve', operatorName: 'Anna Coordinatrice' }),
      ]);
      expect((await mine.sync()).unsent).toBe(0);
      expect(await callOk(mine.core, 'sync.problems', {})).toEqual([]);
      expect((await hub.records()).get(`session/${session.id}`)).toMatchObject({
        version: 3,
        payload: { details: 'Prenotazione CUP online' },
      });
    } finally {
      mine.close();
      other.close();
    }
  });
});
