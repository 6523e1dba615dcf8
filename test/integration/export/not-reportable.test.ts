import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../../main/core/app-core.ts';
import {
  callOk,
  cf,
  newCitizen,
  newSession,
  setCutoff,
  setUpDesk,
  today,
  workshopWithRoster,
} from '../../support/journal.ts';
import { createTestCore } from '../../support/core.ts';
import { bornBefore1924 } from '../../../main/core/db/migrations/0380-born-before-1924.ts';

/**
 * A desk where five services will never reach Facilita, each for its own reason, beside two that
 * will: the dashboards count all seven as services and the five apart; the export preview lists
 * the five with their reason.
 */
const mixedDesk = async (): Promise<{ core: AppCore; ids: Record<string, string> }> => {
  const core = createTestCore();
  await setUpDesk(core);
  await setCutoff(core, today(), { allowMinors: true });
  const maria = await newCitizen(core);
  const reportable = await newSession(core, maria.id);
  const anonymous = await newSession(core, null, { details: 'senza cittadino' });
  const noCode = await newCitizen(core, { codiceFiscale: null, firstName: 'Ugo', lastName: 'Senzacodice' });
  const withoutCode = await newSession(core, noCode.id, { details: 'senza codice fiscale' });
  const minor = await newCitizen(core, {
    codiceFiscale: cf({ first: 'Lia', last: 'Giovane', year: Number(today().slice(0, 4)) - 16 }),
    firstName: 'Lia',
    lastName: 'Giovane',
  });
  // The site stops admitting minors: a session saved after that cannot be reported.
  await setCutoff(core, today(), { allowMinors: false });
  const minorSession = await newSession(core, minor.id, { details: 'minore non ammesso' });
  const gone = await newCitizen(core, { codiceFiscale: cf({ first: 'Pia', last: 'Cancellata' }), firstName: 'Pia' });
  const erasedSession = await newSession(core, gone.id, { details: 'cittadina poi cancellata' });
  await callOk(core, 'citizens.erase', { id: gone.id, reason: 'Richiesta della cittadina' });
  // A closed workshop: one participant with a codice fiscale, one without.
  const { workshop, roster } = await workshopWithRoster(core, 1, 1);
  await callOk(core, 'workshops.addParticipant', { workshopId: workshop.id, citizenId: noCode.id });
  const late = (await callOk(core, 'workshops.get', { id: workshop.id })).participants.find(
    (participant) => participant.citizenId === noCode.id,
  );
  if (!late || !roster.participants[0]) throw new Error('no participants');
  await callOk(core, 'workshops.checkIn', { workshopId: workshop.id, participantId: late.id, checkedIn: true });
  await callOk(core, 'workshops.close', { id: workshop.id });
  return {
    core,
    ids: {
      reportable: reportable.id,
      anonymous: anonymous.id,
      withoutCode: withoutCode.id,
      minorSession: minorSession.id,
      erasedSession: erasedSession.id,
      workshop: workshop.id,
      lateParticipant: late.id,
    },
  };
};

describe('services that will never reach Facilita, counted apart', () => {
  it('the dashboards count them as services and show them as a separate figure, by reason', async () => {
    const { core, ids } = await mixedDesk();
    const dashboard = await callOk(core, 'dashboards.get', { from: today(), to: today() });
    // Five sessions and two workshop participants are services the desk gave.
    expect(dashboard.totals.services).toBe(7);
    expect(dashboard.notReportable).toEqual({
      services: 5,
      reasons: [
        { reason: 'noCitizen', services: 1 },
        { reason: 'noCodiceFiscale', services: 2 },
        { reason: 'ageNotAdmitted', services: 1 },
        { reason: 'citizenErased', services: 1 },
      ],
    });
    // A session still flagged reportable whose citizen is erased here (as sync may bring it) is no different.
    core.database.db.prepare('UPDATE sessions SET reportable = 1 WHERE id = ?').run(ids.erasedSession);
    const again = await callOk(core, 'dashboards.get', { from: today(), to: today() });
    expect(again.notReportable).toEqual(dashboard.notReportable);
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(preview.notReportable.find((row) => row.recordId === ids.erasedSession)?.reason).toBe('citizenErased');
    core.close();
  });

  it('the export preview lists each of them apart with its reason, and their count matches the dashboards', async () => {
    const { core, ids } = await mixedDesk();
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    const byRecord = Object.fromEntries(preview.notReportable.map((row) => [row.recordId, row]));
    expect(preview.notReportable).toHaveLength(5);
    expect(byRecord[ids.anonymous ?? '']).toMatchObject({ recordKind: 'session', reason: 'noCitizen', date: today() });
    expect(byRecord[ids.withoutCode ?? '']).toMatchObject({ recordKind: 'session', reason: 'noCodiceFiscale' });
    expect(byRecord[ids.minorSession ?? '']).toMatchObject({ recordKind: 'session', reason: 'ageNotAdmitted' });
    expect(byRecord[ids.erasedSession ?? '']).toMatchObject({ recordKind: 'session', reason: 'citizenErased' });
    expect(byRecord[ids.lateParticipant ?? '']).toMatchObject({
      recordKind: 'workshopParticipant',
      parentId: ids.workshop,
      reason: 'noCodiceFiscale',
    });
    expect(byRecord[ids.reportable ?? '']).toBeUndefined();
    core.close();
  });
});

describe('a citizen born in 1923 or before', () => {
  it('is saved not reportable, counted apart and listed with the reason, sessions and workshops alike', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    await setCutoff(core, today());
    // Born 1921: Facilita's server reads "21" as 2021 and takes her for a child.
    const elder = await newCitizen(core, {
      codiceFiscale: cf({ first: 'Ada', last: 'Centenaria', year: 1921 }),
      firstName: 'Ada',
      lastName: 'Centenaria',
    });
    const saved = await newSession(core, elder.id, { details: 'nata nel 1921' });
    expect(saved.reportable).toBe(false);
    const { workshop } = await workshopWithRoster(core, 0, 0);
    await callOk(core, 'workshops.addParticipant', { workshopId: workshop.id, citizenId: elder.id });
    const participant = (await callOk(core, 'workshops.get', { id: workshop.id })).participants[0];
    if (!participant) throw new Error('no participant');
    await callOk(core, 'workshops.checkIn', {
      workshopId: workshop.id,
      participantId: participant.id,
      checkedIn: true,
    });
    await callOk(core, 'workshops.close', { id: workshop.id });

    const dashboard = await callOk(core, 'dashboards.get', { from: today(), to: today() });
    expect(dashboard.notReportable).toEqual({ services: 2, reasons: [{ reason: 'bornBefore1924', services: 2 }] });
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(preview.notReportable.map((row) => [row.recordKind, row.reason])).toEqual(
      expect.arrayContaining([
        ['session', 'bornBefore1924'],
        ['workshopParticipant', 'bornBefore1924'],
      ]),
    );
    // Not reportable is not a problem to fix: the preview rejects nothing.
    expect(preview.rejected).toEqual([]);
    // A journal from before the rule, where the session was saved reportable: the migration fixes it.
    const db = core.database.db;
    db.prepare('UPDATE sessions SET reportable = 1 WHERE id = ?').run(saved.id);
    bornBefore1924.up(db);
    expect(db.prepare('SELECT reportable FROM sessions WHERE id = ?').pluck().get(saved.id)).toBe(0);
    core.close();
  });
});
