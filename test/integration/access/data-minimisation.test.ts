import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../main/core/app-core.ts';
import type { Role } from '../../../shared/domain/journal/options.ts';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  COORDINATOR_PIN,
  newCitizen,
  newSession,
  sessionInput,
  setUpDesk,
  today,
  workshopWithRoster,
} from '../../support/journal.ts';
import type { MethodInput } from '../../../shared/contract/methods.ts';

const PIN = '8642';

/** What each role sees of other operators' citizens (shared/contract/access.ts SEES_OTHERS). */
describe('data minimisation: whose citizens each role sees', () => {
  let core: AppCore;
  let coordinatorId = '';
  let othersSession = '';
  let workshopId = '';
  const ids = {} as Record<Exclude<Role, 'coordinator'>, string>;

  const signIn = async (role: Role) => {
    await callOk(core, 'journal.signOut', {});
    const [operatorId, secret] = role === 'coordinator' ? [coordinatorId, COORDINATOR_PIN] : [ids[role], PIN];
    await callOk(core, 'journal.signIn', { operatorId, secret });
  };
  const history = async () => (await callOk(core, 'history.search', {})).items;

  beforeAll(async () => {
    core = createTestCore();
    coordinatorId = (await setUpDesk(core)).id;
    for (const [role, first, year] of [
      ['facilitator', 'Fabio', 1985],
      ['trainer', 'Teresa', 1975],
      ['volunteer', 'Viola', 2003],
    ] as const) {
      const { id } = await callOk(core, 'operators.create', {
        name: `${first} ${role}`,
        role,
        facilitaId: cf({ first, last: 'Operatore', year }),
        facilitaName: `Operatore ${first}`,
        secretKind: 'pin',
        secret: PIN,
      });
      ids[role] = id;
    }
    // The coordinator's citizen, with a follow-up, and a workshop with a roster.
    const maria = await newCitizen(core);
    othersSession = (
      await newSession(core, maria.id, { followUp: { dueDate: addDays(today(), 7), reason: 'Richiamare' } })
    ).id;
    workshopId = (await workshopWithRoster(core, 1, 0)).workshop.id;
    // The volunteer's and the trainer's own citizens and sessions.
    for (const [role, first, day] of [
      ['volunteer', 'Giorgio', 3],
      ['trainer', 'Lucia', 4],
    ] as const) {
      await signIn(role);
      const own = await newCitizen(core, {
        codiceFiscale: cf({ first, last: 'Rossi', day }),
        firstName: first,
        lastName: 'Rossi',
      });
      await newSession(core, own.id, { followUp: { dueDate: addDays(today(), 3), reason: 'Ricontattare' } });
    }
  });
  afterAll(() => core.close());

  it("a volunteer's history lists only their own sessions: other operators' citizens are not shown", async () => {
    await signIn('volunteer');
    const items = await history();
    expect(items.map((item) => item.citizenName)).toEqual(['Rossi Giorgio']);
    expect(items.every((item) => item.kind === 'session')).toBe(true);
    // Asking for another operator's sessions by filter finds nothing either.
    expect((await callOk(core, 'history.search', { operatorId: coordinatorId })).items).toEqual([]);
    expect(await callError(core, 'sessions.get', { id: othersSession })).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'othersRecord' },
    });
    expect((await callOk(core, 'followUps.list', {})).map((task) => task.citizenName)).toEqual(['Rossi Giorgio']);
  });

  it('a trainer sees their own sessions and every workshop, but not other operators’ sessions', async () => {
    await signIn('trainer');
    const items = await history();
    expect(items.filter((item) => item.kind === 'session').map((item) => item.citizenName)).toEqual(['Rossi Lucia']);
    expect(items.filter((item) => item.kind === 'workshop').map((item) => item.id)).toEqual([workshopId]);
    expect((await callOk(core, 'workshops.get', { id: workshopId })).participants).toHaveLength(1);
    expect((await callError(core, 'sessions.get', { id: othersSession })).code).toBe('FORBIDDEN');
    expect(
      await callError(core, 'sessions.update', {
        ...sessionInput(null, { duration: '00:45' }),
        id: othersSession,
        baseVersion: 1,
      } as MethodInput<'sessions.update'>),
    ).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'notOwner' } });
    expect((await callOk(core, 'followUps.list', {})).map((task) => task.citizenName)).toEqual(['Rossi Lucia']);
  });

  it('a facilitator and the coordinator see every session of the desk, by name', async () => {
    for (const role of ['facilitator', 'coordinator'] as const) {
      await signIn(role);
      const names = (await history()).filter((item) => item.kind === 'session').map((item) => item.citizenName);
      expect(names.sort(), role).toEqual(['Bianchi Maria', 'Rossi Giorgio', 'Rossi Lucia']);
      expect((await callOk(core, 'sessions.get', { id: othersSession })).citizenName, role).toBe('Bianchi Maria');
      expect(await callOk(core, 'followUps.list', {}), role).toHaveLength(3);
    }
  });

  it('each operator is offered only their own drafts (a draft holds a citizen’s data as typed)', async () => {
    await signIn('coordinator');
    await callOk(core, 'drafts.save', { id: null, form: { details: 'della coordinatrice' } });
    await signIn('volunteer');
    await callOk(core, 'drafts.save', { id: null, form: { details: 'della volontaria' } });
    expect((await callOk(core, 'drafts.list', {})).map((draft) => draft.form['details'])).toEqual(['della volontaria']);
  });

  it('each operator has their own page key for a draft the core could not save (another cannot open it)', async () => {
    await signIn('coordinator');
    const coordinators = await callOk(core, 'drafts.pageCopyKey', {});
    expect(await callOk(core, 'drafts.pageCopyKey', {})).toEqual(coordinators);
    await signIn('volunteer');
    const volunteers = await callOk(core, 'drafts.pageCopyKey', {});
    expect(volunteers.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(volunteers.key).not.toBe(coordinators.key);
  });
});
