import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  citizenInput,
  newCitizen,
  newSession,
  sessionInput,
  setCutoff,
  setUpDesk,
  today,
} from '../../support/journal.ts';
import { fictionalCodiceFiscale } from '../../../main/core/journal/demo/demo-data.ts';

const desk = async () => {
  const core = createTestCore();
  await setUpDesk(core);
  await setCutoff(core, today());
  return core;
};

describe('what the desk accepts at entry, as Facilita will take it', () => {
  it('a codice fiscale whose place code is missing from the table gets a field message, not INTERNAL', async () => {
    const core = await desk();
    const code = fictionalCodiceFiscale({
      first: 'Maria',
      last: 'Bianchi',
      female: true,
      year: 1950,
      month: 5,
      day: 12,
      place: 'Z999',
    });
    const error = await callError(core, 'citizens.create', citizenInput({ codiceFiscale: code }));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'codiceFiscale', code: 'cf_place' }] },
    });
    expect(core.database.db.prepare('SELECT count(*) FROM citizens').pluck().get()).toBe(0);
    core.close();
  });

  it('registers a citizen born in 1920, and the export says plainly Facilita cannot take the service', async () => {
    const core = await desk();
    const citizen = await newCitizen(core, { codiceFiscale: cf({ year: 1920 }) });
    expect(await callOk(core, 'citizens.get', { id: citizen.id })).toMatchObject({
      birthYear: 1920,
      ageBand: 'D',
      reportable: false,
    });
    const session = await newSession(core, citizen.id);
    expect(session.reportable).toBe(false);
    // Not a row to correct: a service that will never reach Facilita, listed with the reason.
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(preview.valid).toBe(0);
    expect(preview.rejected).toEqual([]);
    expect(preview.notReportable).toEqual([
      { recordId: session.id, recordKind: 'session', date: today(), reason: 'bornBefore1924' },
    ]);
    core.close();
  });

  it('takes ten minutes the way people type them, and one duration rule at entry and export', async () => {
    const core = await desk();
    const citizen = await newCitizen(core);
    const typed = { '10': '00:10', '90': '01:30', '0:10': '00:10', '24:30': '24:30' } as const;
    for (const [text, stored] of Object.entries(typed)) {
      const saved = await newSession(core, citizen.id, { duration: text, details: `durata ${text}` });
      expect((await callOk(core, 'sessions.get', { id: saved.id })).duration, text).toBe(stored);
    }
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(preview.rejected).toEqual([]);
    expect(preview.valid).toBe(4);
    // 24:30 is accepted by Facilita, but no single session lasts that long: a warning, not a refusal.
    expect(preview.warnings).toEqual([{ code: 'durationLong', count: 1 }]);
    core.close();
  });

  it('warns of facilitators the Facilita server will not find: a numeric id, a name not shaped "Cognome Nome"', async () => {
    const core = await desk();
    await callOk(core, 'operators.create', {
      name: 'Marta Test',
      role: 'facilitator',
      facilitaId: '123456',
      facilitaName: 'test marta',
      secretKind: 'pin',
      secret: '8642',
    });
    const operators = await callOk(core, 'operators.list', {});
    const marta = operators.find((operator) => operator.name === 'Marta Test');
    await callOk(core, 'journal.signIn', { operatorId: marta?.id ?? '', secret: '8642' });
    const citizen = await newCitizen(core);
    await newSession(core, citizen.id);
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(preview.warnings).toEqual([
      { code: 'facilitatorIdNumeric', facilitator: 'test marta', count: 1 },
      { code: 'facilitatorIdentityShape', facilitator: 'test marta', count: 1 },
    ]);
    core.close();
  });
});

describe("Facilita's duplicate rule (U23) at entry", () => {
  it('the same service by another facilitator is not a duplicate; SE7 differing by quotes, spaces or case is, and the warning names the session', async () => {
    const core = await desk();
    const citizen = await newCitizen(core);
    const first = await newSession(core, citizen.id, { details: 'Attivazione SPID' });
    await callOk(core, 'operators.create', {
      name: 'Paolo Neri',
      role: 'facilitator',
      facilitaId: cf({ first: 'Paolo', last: 'Neri', female: false, year: 1985 }),
      facilitaName: 'Neri Paolo',
      secretKind: 'pin',
      secret: '9753',
    });
    const operators = await callOk(core, 'operators.list', {});
    const paolo = operators.find((operator) => operator.name === 'Paolo Neri');
    await callOk(core, 'journal.signIn', { operatorId: paolo?.id ?? '', secret: '9753' });
    // Another facilitator: Facilita counts it.
    await newSession(core, citizen.id, { details: 'Attivazione SPID' });
    for (const details of ['"Attivazione SPID"', '  attivazione spid ']) {
      expect(await callError(core, 'sessions.create', sessionInput(citizen.id, { details })), details).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'duplicate', operatorName: 'Paolo Neri', date: today() },
      });
    }
    expect(first.id).toBeTruthy();
    core.close();
  });

  it('sessions saved with the raw SE7 hash are hashed again before the check, so the rule sees them', async () => {
    const core = await desk();
    const citizen = await newCitizen(core);
    const old = await newSession(core, citizen.id, { details: 'Attivazione SPID' });
    // As an older desk stored it: a hash of the text as typed, and no mark that it was redone.
    const db = core.database.db;
    db.prepare("UPDATE sessions SET details_hash = 'raw-text-hash' WHERE id = ?").run(old.id);
    db.prepare("DELETE FROM app_meta WHERE key = 'session_details_hash_cleaned'").run();
    expect(
      await callError(core, 'sessions.create', sessionInput(citizen.id, { details: '"attivazione spid"' })),
    ).toMatchObject({ code: 'CONFLICT', details: { reason: 'duplicate' } });
    expect(db.prepare('SELECT details_hash FROM sessions WHERE id = ?').pluck().get(old.id)).not.toBe('raw-text-hash');
    core.close();
  });
});
