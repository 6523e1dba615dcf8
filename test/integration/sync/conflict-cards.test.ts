import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChange } from '../../../main/core/outbox/outbox.ts';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { otherEdit, sentPayload } from '../../support/other-desk-edit.ts';
import { HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';
import {
  callOk,
  cf,
  citizenInput,
  newCitizen,
  newSession,
  sessionInput,
  setUpDesk,
  today,
} from '../../support/journal.ts';

/** Another desk's edit, pushed to the hub. */
const pushedEdit = async (desk: TestDesk, entity: string, recordId: string, version: number, payload: unknown) => {
  otherEdit(desk, entity, recordId, version, payload);
  expect((await desk.sync()).unsent).toBe(0);
};

/** Conflict cards a person can act on (issue 11, problem 2): named records, no secret, settled at the hub. */
describe.each(HUB_BACKENDS)('a conflict’s card, on %s', (backend) => {
  let hub: TestHub;
  let mine: TestDesk;
  let other: TestDesk;
  let coordinatorId: string;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    mine = createTestDesk();
    other = createTestDesk();
    await other.enroll(hub.url, await hub.issueCode());
    await setUpDesk(other.core);
    await mine.enroll(hub.url, await hub.issueCode());
    coordinatorId = (await setUpDesk(mine.core)).id;
  }, 60_000);
  afterAll(async () => {
    mine?.close();
    other?.close();
    await hub?.close();
  });

  const openConflicts = async () =>
    (await hub.admin.summary(hub.organisationId)).sites.reduce((sum, site) => sum + site.openConflicts, 0);

  it('names a session by its day and citizen, its citizen id by the name; keep mine is audited and closes it at the hub', async () => {
    const citizen = await newCitizen(mine.core, {
      firstName: 'Rosa',
      lastName: 'Esposito',
      codiceFiscale: cf({ first: 'Rosa', last: 'Esposito' }),
    });
    const session = await newSession(mine.core, citizen.id);
    expect((await mine.sync()).unsent).toBe(0);
    await pushedEdit(other, 'session', session.id, 1, { ...sentPayload(mine, session.id, 1), duration: '01:00' });
    await callOk(mine.core, 'sessions.update', {
      ...sessionInput(citizen.id, { details: 'Prenotazione CUP online' }),
      id: session.id,
      baseVersion: 1,
    } as never);
    await mine.sync();
    const [problem, ...more] = await callOk(mine.core, 'sync.problems', {});
    expect(more).toEqual([]);
    expect(problem).toMatchObject({
      subject: { kind: 'session', date: today(), citizen: 'Rosa Esposito', name: null },
      names: { [citizen.id]: 'Rosa Esposito' },
    });
    expect(problem!.conflict!.differingFields).toEqual(['details', 'duration']);
    expect(problem!.conflict!.mine.payload).not.toHaveProperty('id');
    expect(await openConflicts()).toBe(1);

    await callOk(mine.core, 'sync.resolve', { changeId: problem!.changeId, choice: 'mine' });
    expect((await mine.sync()).unsent).toBe(0);
    expect(await openConflicts()).toBe(0);
    const resolved = await callOk(mine.core, 'sessions.get', { id: session.id });
    expect(resolved.audit.filter((entry) => entry.action === 'resolve')).toEqual([
      expect.objectContaining({ version: 3, operatorName: 'Anna Coordinatrice' }),
    ]);
  });

  it('names a citizen by their name, and never shows an operator’s secret', async () => {
    const giulia = { firstName: 'Giulia', lastName: 'Rossi', codiceFiscale: cf({ first: 'Giulia', last: 'Rossi' }) };
    const citizen = await newCitizen(mine.core, giulia);
    expect((await mine.sync()).unsent).toBe(0);
    await pushedEdit(other, 'citizen', citizen.id, 1, { ...sentPayload(mine, citizen.id, 1), education: 'C' });
    await callOk(mine.core, 'citizens.update', {
      ...citizenInput({ ...giulia, education: 'B' }),
      id: citizen.id,
      baseVersion: 1,
    } as never);

    // The coordinator's own operator record, edited on the other desk with another secret.
    const operator = sentPayload(mine, coordinatorId, 1);
    await pushedEdit(other, 'operator', coordinatorId, 1, { ...operator, secretHash: 'scrypt$other', active: false });
    mine.db().transaction(() =>
      recordChange(
        mine.db(),
        mine.core.context.cipher(),
        {
          entity: 'operator',
          recordId: coordinatorId,
          op: 'upsert',
          version: 2,
          baseVersion: 1,
          payload: { ...operator, name: 'Anna Coordinatrice Bruni', secretHash: 'scrypt$mine' },
        },
        new Date(),
      ),
    )();
    await mine.sync();
    const problems = await callOk(mine.core, 'sync.problems', {});
    expect(problems.map((problem) => problem.subject)).toEqual([
      { kind: 'citizen', name: 'Giulia Rossi', citizen: null, date: null },
      { kind: 'operator', name: 'Anna Coordinatrice Bruni', citizen: null, date: null },
    ]);
    expect(problems[0]!.conflict!.differingFields).toEqual(['education']);
    expect(problems[1]!.conflict!.differingFields).toEqual(['active', 'name']);
    expect(JSON.stringify(problems)).not.toContain('scrypt');
    expect(JSON.stringify(problems)).not.toContain(operator['secretHash'] as string);
  });
});
