import type { AppCore } from '../../main/core/app-core.ts';
import { createTestCore } from './core.ts';
import { fictionalCodiceFiscale } from '../../main/core/journal/demo/demo-data.ts';
import { addDays, localDate } from '../../main/core/journal/journal-context.ts';
import type { MethodInput } from '../../shared/contract/methods.ts';
import type { MethodName } from '../../shared/contract/names.ts';

/** The desk's calendar day now: read at each use, so a run across midnight stays right. */
export const today = (): string => localDate(new Date());
export const COORDINATOR_PIN = '2468';

export const cf = (
  person: Partial<{ first: string; last: string; female: boolean; year: number; month: number; day: number }> = {},
) =>
  fictionalCodiceFiscale({
    first: 'Maria',
    last: 'Bianchi',
    female: true,
    year: 1950,
    month: 5,
    day: 12,
    place: 'D150',
    ...person,
  });

export const siteInput = (overrides: Record<string, unknown> = {}) => ({
  facilitaName: 'Punto Digitale Facile Cremona Centro',
  facilitaId: '12345',
  ente: 'Comune di Cremona',
  province: 'Cremona',
  projectStart: addDays(today(), -365),
  projectEnd: addDays(today(), 365),
  cutoffDate: null,
  allowMinors: false,
  backdateDays: 7,
  idleMinutes: 10,
  retentionMonths: 24,
  ...overrides,
});

export const setUpInput = () => ({
  site: siteInput(),
  coordinator: {
    name: 'Anna Coordinatrice',
    role: 'coordinator' as const,
    facilitaId: cf({ first: 'Anna', last: 'Verdi', year: 1980 }),
    facilitaName: 'Verdi Anna',
    secretKind: 'pin' as const,
    secret: COORDINATOR_PIN,
  },
});

export const citizenInput = (overrides: Record<string, unknown> = {}) => ({
  codiceFiscale: cf(),
  firstName: 'Maria',
  lastName: 'Bianchi',
  education: 'B',
  occupation: 'G',
  citizenship: 'A',
  province: 'Cremona',
  email: 'maria.bianchi@example.org',
  phone: '+39 333 1234567',
  consentMethod: 'paper',
  consentDate: today(),
  ...overrides,
});

export const sessionInput = (citizenId: string | null, overrides: Record<string, unknown> = {}) => ({
  citizenId,
  date: today(),
  duration: '00:30',
  serviceTypes: ['A'],
  competences: [6, 9],
  serviceAreas: ['A'],
  details: 'Attivazione App IO con CIE',
  outcome: 'resolved',
  ...overrides,
});

export const workshopInput = (
  overrides: Partial<MethodInput<'workshops.create'>> = {},
): MethodInput<'workshops.create'> => ({
  title: 'SPID per tutti',
  date: today(),
  place: 'Biblioteca',
  duration: '02:00',
  serviceTypes: ['C'],
  competences: [9],
  serviceAreas: ['S'],
  ...overrides,
});

/** Calls a method and returns its value, failing the test with the error when it is not ok. */
export const callOk = async <M extends MethodName>(core: AppCore, method: M, input: MethodInput<M>) => {
  const result = await core.dispatcher.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
};

export const callError = async <M extends MethodName>(core: AppCore, method: M, input: unknown) => {
  const result = await core.dispatcher.call(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
};

/** Enters Facilita's upload cut-off on the site (as the signed-in coordinator), e.g. today() to export today's rows. */
export const setCutoff = async (core: AppCore, cutoffDate: string | null, overrides: Record<string, unknown> = {}) => {
  const site = await callOk(core, 'site.get', {});
  await callOk(core, 'site.update', {
    ...siteInput({ cutoffDate, ...overrides }),
    baseVersion: site.version,
  } as MethodInput<'site.update'>);
};

/** A desk set up with its coordinator signed in. */
export const setUpDesk = async (core: AppCore) =>
  callOk(core, 'journal.setUp', setUpInput() as MethodInput<'journal.setUp'>);

export const newCitizen = (core: AppCore, overrides: Record<string, unknown> = {}) =>
  callOk(core, 'citizens.create', citizenInput(overrides) as MethodInput<'citizens.create'>);

export const newSession = (core: AppCore, citizenId: string | null, overrides: Record<string, unknown> = {}) =>
  callOk(core, 'sessions.create', sessionInput(citizenId, overrides) as MethodInput<'sessions.create'>);

export const VOLUNTEER_PIN = '1357';

/** A Servizio Civile volunteer created by the signed-in coordinator. */
export const newVolunteer = (core: AppCore) =>
  callOk(core, 'operators.create', {
    name: 'Luca Volontario',
    role: 'volunteer',
    facilitaId: cf({ first: 'Luca', last: 'Neri', female: false, year: 2002 }),
    facilitaName: 'Neri Luca',
    secretKind: 'pin',
    secret: VOLUNTEER_PIN,
  });

/** A workshop of today with `participants` new citizens on its roster, the first `checkedIn` of them checked in. */
export const workshopWithRoster = async (core: AppCore, participants: number, checkedIn: number) => {
  const workshop = await callOk(core, 'workshops.create', workshopInput());
  for (let index = 0; index < participants; index += 1) {
    const citizen = await newCitizen(core, { codiceFiscale: cf({ day: index + 1 }) });
    await callOk(core, 'workshops.addParticipant', { workshopId: workshop.id, citizenId: citizen.id });
  }
  const roster = await callOk(core, 'workshops.get', { id: workshop.id });
  for (const participant of roster.participants.slice(0, checkedIn)) {
    await callOk(core, 'workshops.checkIn', {
      workshopId: workshop.id,
      participantId: participant.id,
      checkedIn: true,
    });
  }
  return { workshop, roster };
};

/** A real core with the coordinator signed in: set up on a new data folder, signed in again on one already set up. */
export const signedInCore = async (dataDir?: string) => {
  const core = createTestCore(dataDir);
  const status = await callOk(core, 'journal.status', {});
  const coordinator = status.operators.find((operator) => operator.role === 'coordinator');
  if (!status.setUp || !coordinator) await setUpDesk(core);
  else await callOk(core, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN });
  return core;
};
