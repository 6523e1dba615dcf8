import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  citizenInput,
  COORDINATOR_PIN,
  newCitizen,
  newSession,
  newVolunteer,
  VOLUNTEER_PIN,
  sessionInput,
  setCutoff,
  setUpDesk,
  siteInput,
  today,
  workshopWithRoster,
} from '../../support/journal.ts';
import { addDays } from '../../../main/core/journal/journal-context.ts';

const cores: ReturnType<typeof createTestCore>[] = [];
const newCore = () => {
  const core = createTestCore();
  cores.push(core);
  return core;
};
afterEach(() => {
  while (cores.length) cores.pop()?.close();
});

describe('set-up and sign-in', () => {
  it('starts not set up, sets up once, and refuses a second set-up', async () => {
    const core = newCore();
    expect((await callOk(core, 'journal.status', {})).setUp).toBe(false);
    const error = await callError(core, 'sessions.create', sessionInput(null));
    expect(error.code).toBe('LOCKED');
    const coordinator = await setUpDesk(core);
    expect(coordinator.role).toBe('coordinator');
    const status = await callOk(core, 'journal.status', {});
    expect(status.setUp).toBe(true);
    expect(status.signedIn?.id).toBe(coordinator.id);
    expect((await callError(core, 'journal.setUp', {})).code).toBe('VALIDATION');
  });

  it('locks an operator out after five wrong PINs, even for the right PIN', async () => {
    const core = newCore();
    const coordinator = await setUpDesk(core);
    await callOk(core, 'journal.signOut', {});
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const error = await callError(core, 'journal.signIn', { operatorId: coordinator.id, secret: '0000' });
      expect(error).toMatchObject({
        code: 'UNAUTHORIZED',
        details: { reason: 'wrongSecret', attemptsLeft: 5 - attempt },
      });
    }
    expect(await callError(core, 'journal.signIn', { operatorId: coordinator.id, secret: '0000' })).toMatchObject({
      code: 'LOCKED',
      details: { reason: 'tooManyAttempts' },
    });
    expect(
      (await callError(core, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN })).code,
    ).toBe('LOCKED');
    expect((await callOk(core, 'journal.status', {})).signedIn).toBeNull();
  });
});

describe('roles', () => {
  it('a volunteer cannot manage operators, delete, or edit records of others', async () => {
    const core = newCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core);
    const session = await newSession(core, citizen.id);
    const volunteer = await newVolunteer(core);
    await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
    expect(await callError(core, 'operators.list', {})).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'role' },
    });
    expect(
      await callError(core, 'sessions.update', {
        ...sessionInput(citizen.id, { duration: '00:45' }),
        id: session.id,
        baseVersion: 1,
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'notOwner' },
    });
    expect((await callError(core, 'sessions.delete', { id: session.id, baseVersion: 1, reason: 'x' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await callError(core, 'retention.run', {})).code).toBe('FORBIDDEN');
    expect((await callError(core, 'site.update', { ...siteInput(), baseVersion: 1 })).code).toBe('FORBIDDEN');
    // Their own session they may edit.
    const own = await newSession(core, citizen.id, { duration: '00:20' });
    expect(
      (
        await callOk(core, 'sessions.update', {
          ...sessionInput(citizen.id, { duration: '00:25' }),
          id: own.id,
          baseVersion: 1,
        } as MethodInput<'sessions.update'>)
      ).version,
    ).toBe(2);
  });
});

describe('citizens', () => {
  it('recognises a returning citizen by the hash of the codice fiscale, in any case', async () => {
    const core = newCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core);
    expect(citizen).toMatchObject({ gender: 'A', birthYear: 1950, ageBand: 'D', reportable: true });
    await newSession(core, citizen.id);
    const found = await callOk(core, 'citizens.lookup', { codiceFiscale: cf().toLowerCase() });
    expect(found).toMatchObject({
      citizen: { id: citizen.id },
      visits: 1,
      lastVisit: today(),
      lastServiceAreas: ['A'],
    });
    expect(await callError(core, 'citizens.create', citizenInput())).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'citizenExists' },
    });
  });

  it('refuses bad input with a field and a code, storing nothing', async () => {
    const core = newCore();
    await setUpDesk(core);
    const valid = cf();
    const badChecksum = valid.slice(0, 15) + (valid[15] === 'A' ? 'B' : 'A');
    const thisYear = Number(today().slice(0, 4));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ codiceFiscale: badChecksum }, 'codiceFiscale', 'cf_checksum'],
      [{ codiceFiscale: valid.slice(0, 15) }, 'codiceFiscale', 'cf_length'],
      [{ codiceFiscale: `${valid.slice(0, 14)}-${valid[15]}` }, 'codiceFiscale', 'cf_characters'],
      // A code that reads as a 10-year-old is a centenarian's (children are not registered): accepted,
      // and the export says why Facilita cannot take it (test/integration/export/facilita-entry.test.ts).
      [{ codiceFiscale: cf({ year: thisYear - 16 }) }, 'codiceFiscale', 'minor_not_allowed'],
      [{ province: 'Atlantide' }, 'province', 'custom'],
      [{ education: 'Z' }, 'education', 'invalid_value'],
      [{ consentDate: addDays(today(), 3) }, 'consentDate', 'future_date'],
    ];
    for (const [overrides, path, code] of cases) {
      const error = await callError(core, 'citizens.create', citizenInput(overrides));
      expect(error.code, JSON.stringify(overrides)).toBe('VALIDATION');
      expect(error.details?.issues?.[0], JSON.stringify(overrides)).toMatchObject({ path, code });
    }
    const db = core.database.db;
    expect(db.prepare('SELECT count(*) FROM citizens').pluck().get()).toBe(0);
  });

  it('helps a person without codice fiscale: the session is kept but not reportable', async () => {
    const core = newCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core, { codiceFiscale: null });
    expect(citizen.reportable).toBe(false);
    expect((await newSession(core, citizen.id)).reportable).toBe(false);
  });
});

describe('sessions', () => {
  it('refuses bad durations, long details and dates outside the rules', async () => {
    const core = newCore();
    await setUpDesk(core);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ duration: '1h30' }, 'duration', 'invalid_format'],
      [{ duration: '00:00' }, 'duration', 'custom'],
      [{ details: 'x'.repeat(601) }, 'details', 'too_big'],
      [{ date: addDays(today(), 1) }, 'date', 'future_date'],
      [{ date: addDays(today(), -8) }, 'date', 'too_old'],
      [{ serviceAreas: ['Z'] }, 'serviceAreas.0', 'invalid_value'],
    ];
    for (const [overrides, path, code] of cases) {
      const error = await callError(core, 'sessions.create', sessionInput(null, overrides));
      expect(error.details?.issues?.[0], JSON.stringify(overrides)).toMatchObject({ path, code });
    }
    const site = await callOk(core, 'site.get', {});
    await callOk(core, 'site.update', {
      ...siteInput({ cutoffDate: addDays(today(), -2), backdateDays: 30 }),
      baseVersion: site.version,
    });
    // Facilita's cut-off is an export rule (test/integration/export/facilita-cutoff.test.ts): logging goes on.
    await newSession(core, null, { details: 'dopo la data limite' });
    const site2 = await callOk(core, 'site.get', {});
    await callOk(core, 'site.update', {
      ...siteInput({ projectStart: addDays(today(), -3), backdateDays: 30 }),
      baseVersion: site2.version,
    });
    expect(
      (await callError(core, 'sessions.create', sessionInput(null, { date: addDays(today(), -5) }))).details
        ?.issues?.[0],
    ).toMatchObject({
      code: 'outside_project',
    });
    // Only the session after the cut-off was saved.
    expect(core.database.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
  });

  it('warns of a Facilita duplicate, then saves when confirmed', async () => {
    const core = newCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core);
    await newSession(core, citizen.id, { serviceAreas: ['B', 'A'] });
    expect(
      await callError(core, 'sessions.create', sessionInput(citizen.id, { serviceAreas: ['A', 'B'] })),
    ).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'duplicate' },
    });
    await newSession(core, citizen.id, { serviceAreas: ['A', 'B'], confirmDuplicate: true });
    await newSession(core, citizen.id, { details: 'Altro dettaglio' });
  });

  it('an edit is a new version with its audit entry and outbox row; delete is a tombstone', async () => {
    const core = newCore();
    const coordinator = await setUpDesk(core);
    const citizen = await newCitizen(core);
    const saved = await newSession(core, citizen.id, {
      followUp: { dueDate: addDays(today(), 10), reason: 'Richiamare per il PIN' },
    });
    await callOk(core, 'sessions.update', {
      ...sessionInput(citizen.id, { duration: '00:45' }),
      id: saved.id,
      baseVersion: 1,
    } as MethodInput<'sessions.update'>);
    const session = await callOk(core, 'sessions.get', { id: saved.id });
    expect(session.version).toBe(2);
    expect(session.audit.map((entry) => entry.action)).toEqual(['create', 'edit']);
    expect(session.audit[1]).toMatchObject({
      operatorName: coordinator.name,
      changes: { duration: ['00:30', '00:45'] },
    });
    expect(session.followUp).toBeNull();
    expect(
      await callError(core, 'sessions.update', { ...sessionInput(citizen.id), id: saved.id, baseVersion: 1 }),
    ).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'staleVersion' },
    });
    await callOk(core, 'sessions.delete', { id: saved.id, baseVersion: 2, reason: 'Registrata per errore' });
    const db = core.database.db;
    const changes = db
      .prepare("SELECT op, version, base_version FROM outbox WHERE entity = 'session' AND record_id = ? ORDER BY seq")
      .all(saved.id);
    expect(changes).toEqual([
      { op: 'upsert', version: 1, base_version: null },
      { op: 'upsert', version: 2, base_version: 1 },
      { op: 'delete', version: 3, base_version: 2 },
    ]);
    const page = await callOk(core, 'history.search', {});
    expect(page.items.find((item) => item.id === saved.id)).toBeUndefined();
  });

  it('attaches a finished guide run and refuses one already attached', async () => {
    const core = newCore();
    await setUpDesk(core);
    const db = core.database.db;
    const content = JSON.stringify({
      meta: { serviceAreas: ['A'], competences: [6, 9] },
      texts: { it: { title: 'Primo accesso ad App IO' } },
      images: {},
    });
    db.prepare(
      "INSERT INTO guide_versions (guide_id, version, content, stored_at) VALUES ('app-io-first-access', '1.0.0', ?, ?)",
    ).run(content, new Date().toISOString());
    const runId = '01900000-0000-7000-8000-000000000001';
    db.prepare(
      `INSERT INTO guide_runs (id, guide_id, guide_version, language, state, outcome, started_at, updated_at, ended_at)
       VALUES (?, 'app-io-first-access', '1.0.0', 'it', 'finished', 'completed', ?, ?, ?)`,
    ).run(runId, new Date().toISOString(), new Date().toISOString(), new Date().toISOString());
    const runs = await callOk(core, 'sessions.guideRuns', {});
    expect(runs).toEqual([
      expect.objectContaining({
        id: runId,
        title: 'Primo accesso ad App IO',
        serviceAreas: ['A'],
        competences: [6, 9],
      }),
    ]);
    const saved = await newSession(core, null, { guideRunIds: [runId] });
    expect(db.prepare('SELECT session_id FROM guide_runs WHERE id = ?').pluck().get(runId)).toBe(saved.id);
    expect(await callOk(core, 'sessions.guideRuns', {})).toEqual([]);
    expect(
      await callError(core, 'sessions.create', sessionInput(null, { guideRunIds: [runId], details: 'altro' })),
    ).toMatchObject({
      details: { reason: 'runUnavailable' },
    });
  });
});

describe('workshops', () => {
  it('schedules, builds a roster of 5, checks people in and closes with one row per participant', async () => {
    const core = newCore();
    await setUpDesk(core);
    const { workshop } = await workshopWithRoster(core, 5, 4);
    // Before closing, the question says how many rows closing would make.
    expect(await callOk(core, 'workshops.get', { id: workshop.id })).toMatchObject({
      facilitaRows: 0,
      rowsIfClosed: 4,
    });
    const view = await callOk(core, 'workshops.close', { id: workshop.id });
    expect(view).toMatchObject({ state: 'closed', facilitaRows: 4 });
    expect(view.participants).toHaveLength(5);
    expect(
      (
        await callError(core, 'workshops.create', {
          title: 'x',
          date: today(),
          place: 'y',
          duration: '01:00',
          serviceTypes: ['A'],
          competences: [1],
          serviceAreas: ['S'],
        })
      ).code,
    ).toBe('VALIDATION');
  });
  it('finds the workshops a citizen attended with their visits: checked in, not merely on the roster', async () => {
    const core = newCore();
    await setUpDesk(core);
    const { workshop, roster } = await workshopWithRoster(core, 2, 1);
    const [present, absent] = roster.participants;
    if (!present || !absent) throw new Error('roster of two expected');
    const visit = await newSession(core, present.citizenId);
    const ofPresent = await callOk(core, 'history.search', { kind: 'all', citizenId: present.citizenId });
    expect(ofPresent.items.map((item) => [item.kind, item.id])).toEqual(
      expect.arrayContaining([
        ['session', visit.id],
        ['workshop', workshop.id],
      ]),
    );
    expect(ofPresent.items).toHaveLength(2);
    const ofAbsent = await callOk(core, 'history.search', { kind: 'all', citizenId: absent.citizenId });
    expect(ofAbsent.items).toEqual([]);
    // An outcome belongs to sessions only: with it, no workshop matches.
    const resolved = await callOk(core, 'history.search', {
      kind: 'all',
      citizenId: present.citizenId,
      outcome: 'resolved',
    });
    expect(resolved.items.map((item) => item.kind)).not.toContain('workshop');
  });

  it('reopens a closed workshop until it is exported, then refuses and changes nothing', async () => {
    const core = newCore();
    await setUpDesk(core);
    const { workshop } = await workshopWithRoster(core, 3, 2);
    const closed = await callOk(core, 'workshops.close', { id: workshop.id });
    expect(closed).toMatchObject({ state: 'closed', canReopen: true });
    const reopened = await callOk(core, 'workshops.reopen', { id: workshop.id });
    expect(reopened).toMatchObject({ state: 'scheduled', facilitaRows: 0, canReopen: false });
    expect(reopened.version).toBe(closed.version + 1);
    expect(await callError(core, 'workshops.reopen', { id: workshop.id })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'workshopNotClosed' },
    });
    await callOk(core, 'workshops.close', { id: workshop.id });
    // Facilita's cut-off at today, so today's workshop may go out.
    await setCutoff(core, today());
    await callOk(core, 'facilita.export', { from: today(), to: today() });
    const exported = await callOk(core, 'workshops.get', { id: workshop.id });
    expect(exported).toMatchObject({ state: 'closed', canReopen: false });
    expect(await callError(core, 'workshops.reopen', { id: workshop.id })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'workshopExported' },
    });
    expect(await callOk(core, 'workshops.get', { id: workshop.id })).toEqual(exported);
  });
});

describe('drafts, follow-ups, rights and retention', () => {
  it('keeps drafts encrypted and removes the draft when its session is saved', async () => {
    const core = newCore();
    await setUpDesk(core);
    const { id } = await callOk(core, 'drafts.save', { id: null, form: { details: 'Sta scrivendo…' } });
    expect((await callOk(core, 'drafts.list', {}))[0]).toMatchObject({ id, form: { details: 'Sta scrivendo…' } });
    await newSession(core, null, { draftId: id });
    expect(await callOk(core, 'drafts.list', {})).toEqual([]);
  });

  it('exports everything about a citizen as JSON and PDF, then erases them', async () => {
    const core = newCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core);
    await newSession(core, citizen.id, { privateNotes: 'Nota riservata' });
    const json = await callOk(core, 'citizens.export', { id: citizen.id, format: 'json' });
    const { readFileSync } = await import('node:fs');
    const data = JSON.parse(readFileSync(json.file, 'utf8')) as { citizen: { lastName: string }; sessions: unknown[] };
    expect(data.citizen.lastName).toBe('Bianchi');
    expect(data.sessions).toHaveLength(1);
    const pdf = await callOk(core, 'citizens.export', { id: citizen.id, format: 'pdf' });
    expect(readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
    await callOk(core, 'citizens.erase', { id: citizen.id, reason: 'Richiesta di cancellazione' });
    const erased = await callOk(core, 'citizens.get', { id: citizen.id });
    expect(erased).toMatchObject({ erased: true, codiceFiscale: null, firstName: '', email: null, reportable: false });
    expect(await callOk(core, 'citizens.lookup', { codiceFiscale: cf() })).toBeNull();
  });

  it('retention erases only old records already exported and synced', async () => {
    const core = newCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core);
    const old = await newSession(core, citizen.id);
    const db = core.database.db;
    // Age the record past the retention period, then mark it exported and synced as the other engines will.
    db.prepare("UPDATE sessions SET date = '2000-01-01' WHERE id = ?").run(old.id);
    expect((await callOk(core, 'retention.run', {})).sessions).toBe(0);
    db.prepare('UPDATE sessions SET exported_at = ?, synced_version = version WHERE id = ?').run(
      new Date().toISOString(),
      old.id,
    );
    db.prepare('UPDATE citizens SET synced_version = version WHERE id = ?').run(citizen.id);
    expect(await callOk(core, 'retention.run', {})).toMatchObject({ sessions: 1, citizens: 1 });
    expect((await callOk(core, 'citizens.get', { id: citizen.id })).erased).toBe(true);
    const audit = db
      .prepare("SELECT action FROM audit_log WHERE record_id = ? AND action = 'retention'")
      .all(citizen.id);
    expect(audit).toHaveLength(1);
  });

  it('fills a demo desk', async () => {
    const core = newCore();
    await setUpDesk(core);
    const result = await callOk(core, 'journal.fillDemo', { sessions: 30 });
    expect(result.sessions).toBe(30);
    expect((await callOk(core, 'journal.status', {})).demo).toBe(true);
    expect((await callOk(core, 'history.search', {})).items.length).toBeGreaterThan(25);
  });
});

describe('history', () => {
  it('filters by operator, area, outcome, reportable, not yet synced and codice fiscale, and pages with a cursor', async () => {
    const core = newCore();
    const coordinator = await setUpDesk(core);
    const citizen = await newCitizen(core);
    const anonymous = await newSession(core, null, { serviceAreas: ['B'], outcome: 'partial', duration: '00:10' });
    for (let index = 0; index < 4; index += 1) await newSession(core, citizen.id, { details: `visita ${index}` });
    const search = (query: Record<string, unknown>) =>
      callOk(core, 'history.search', query as MethodInput<'history.search'>);
    expect((await search({ serviceArea: 'B' })).items.map((item) => item.id)).toEqual([anonymous.id]);
    expect((await search({ outcome: 'partial' })).items).toHaveLength(1);
    expect((await search({ reportable: false })).items).toHaveLength(1);
    expect((await search({ reportable: true })).items).toHaveLength(4);
    expect((await search({ operatorId: coordinator.id, kind: 'sessions' })).items).toHaveLength(5);
    expect((await search({ codiceFiscale: cf().toLowerCase() })).items).toHaveLength(4);
    core.database.db.prepare('UPDATE sessions SET synced_version = version WHERE id = ?').run(anonymous.id);
    expect((await search({ unsynced: true })).items.map((item) => item.id)).not.toContain(anonymous.id);
    const first = await search({ limit: 3, kind: 'sessions' });
    expect(first.items).toHaveLength(3);
    const second = await search({ limit: 3, kind: 'sessions', cursor: first.next });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(5);
  });
});
