import { expect, it } from 'vitest';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callOk,
  cf,
  COORDINATOR_PIN,
  newCitizen,
  newSession,
  newVolunteer,
  setUpDesk,
  today,
  VOLUNTEER_PIN,
} from '../../support/journal.ts';

/** The quick log's short list: today's and recent citizens, most recent first, as the picker names them. */
it('recent citizens: seen in the last days or registered today, most recent first, never erased ones', async () => {
  const core = createTestCore();
  const coordinator = await setUpDesk(core);
  const maria = await newCitizen(core);
  const gino = await newCitizen(core, {
    codiceFiscale: cf({ first: 'Gino', last: 'Rossi', female: false, year: 1944 }),
    firstName: 'Gino',
    lastName: 'Rossi',
  });
  const ugo = await newCitizen(core, { codiceFiscale: null, firstName: 'Ugo', lastName: 'Senzacodice' });
  const pia = await newCitizen(core, { codiceFiscale: cf({ first: 'Pia', last: 'Neri' }), firstName: 'Pia' });
  await newSession(core, gino.id, { date: addDays(today(), -3) });
  await newSession(core, maria.id, { date: addDays(today(), -1) });
  await newSession(core, maria.id, { details: 'di nuovo', date: today() });
  await newSession(core, null);
  await callOk(core, 'citizens.erase', { id: pia.id, reason: 'Richiesta' });

  const recent = await callOk(core, 'citizens.recent', {});
  // Whom the desk dealt with last comes first: Maria's session today, Gino's (dated three days ago,
  // logged after Ugo was registered), then Ugo, registered today and not yet served.
  expect(recent.map((citizen) => citizen.name)).toEqual(['Bianchi Maria', 'Rossi Gino', 'Senzacodice Ugo']);
  expect(recent[0]).toEqual({ id: maria.id, name: 'Bianchi Maria', reportable: true, lastSeen: today() });
  expect(recent.find((citizen) => citizen.id === ugo.id)?.reportable).toBe(false);

  // A volunteer is offered only the citizens of their own sessions (data minimisation).
  const volunteer = await newVolunteer(core);
  await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
  expect(await callOk(core, 'citizens.recent', {})).toEqual([]);
  await newSession(core, gino.id, { details: 'con il volontario' });
  expect((await callOk(core, 'citizens.recent', {})).map((citizen) => citizen.id)).toEqual([gino.id]);
  await callOk(core, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN });
  expect((await callOk(core, 'citizens.recent', {})).map((citizen) => citizen.id)[0]).toBe(gino.id);
  core.close();
});
