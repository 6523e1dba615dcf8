import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../../main/core/app-core.ts';
import { rebuildDashboardRollup } from '../../../main/core/db/migrations/0220-dashboard-rollup.ts';
import { totals } from '../../../main/core/dashboards/aggregates.ts';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { seed } from '../../../scripts/seed.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callOk,
  cf,
  newCitizen,
  newSession,
  sessionInput,
  setUpDesk,
  workshopWithRoster,
} from '../../support/journal.ts';

// The rollup of migration 0220 is kept by triggers on every write; after each kind of write it
// must equal the rollup rebuilt from scratch out of the journal's tables (numbers resolved back
// to their keys, since only the rows' meaning matters).
const snapshot = (db: Database.Database) => ({
  services: db
    .prepare(
      `SELECT f.session, f.source, f.date, c.key AS citizen, p.key AS profile, f.created_at, f.visit
         FROM dashboard_services f LEFT JOIN dashboard_keys c ON c.n = f.citizen JOIN dashboard_keys p ON p.n = f.profile
        ORDER BY f.session, f.source`,
    )
    .all(),
  runs: db.prepare('SELECT * FROM dashboard_runs ORDER BY run_id').all(),
});

const fromScratch = (db: Database.Database) => {
  db.exec('SAVEPOINT scratch');
  try {
    rebuildDashboardRollup(db);
    return snapshot(db);
  } finally {
    db.exec('ROLLBACK TO scratch; RELEASE scratch');
  }
};

/** The services and unique citizens counted straight from the journal's tables, as before the rollup. */
const countedFromJournal = (db: Database.Database, period: { from: string; to: string }) =>
  db
    .prepare(
      `WITH svc AS (
         SELECT s.citizen_id FROM sessions s WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to
         UNION ALL
         SELECT p.citizen_id FROM workshops w JOIN workshop_participants p ON p.workshop_id = w.id
          WHERE w.deleted_at IS NULL AND w.state = 'closed' AND p.checked_in_at IS NOT NULL
            AND w.date BETWEEN @from AND @to)
       SELECT count(*) AS services, count(DISTINCT citizen_id) AS citizens FROM svc`,
    )
    .get(period);

const expectInStep = (core: AppCore, services: number) => {
  const db = core.database.db;
  const kept = snapshot(db);
  expect(kept).toEqual(fromScratch(db));
  expect(kept.services).toHaveLength(services);
  const period = { from: '2000-01-01', to: '2100-12-31' };
  expect(totals(db, period)).toEqual(countedFromJournal(db, period));
};

const insertRun = (db: Database.Database, id: string, sessionId: string, marks: (string | null)[]) => {
  db.prepare(
    "INSERT OR IGNORE INTO guide_versions (guide_id, version, content, stored_at) VALUES ('g', '1.0.0', '{}', 'now')",
  ).run();
  const steps = marks.map((autonomy, index) => ({ stepId: `s${index}`, ...(autonomy ? { autonomy } : {}) }));
  db.prepare(
    `INSERT INTO guide_runs (id, guide_id, guide_version, language, state, steps, session_id, started_at, updated_at)
     VALUES (?, 'g', '1.0.0', 'it', 'finished', ?, ?, 'now', 'now')`,
  ).run(id, JSON.stringify(steps), sessionId);
};

describe('the dashboards rollup equals a from-scratch computation after every kind of write', () => {
  it('sessions: create, edit, tombstone, direct SQL, guide runs, erasure', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const db = core.database.db;
    const anna = await newCitizen(core);
    const bruno = await newCitizen(core, { codiceFiscale: cf({ first: 'Bruno', last: 'Verdi', female: false }) });
    const first = await newSession(core, anna.id, { competences: [6, 9], serviceAreas: ['A', 'B'] });
    const second = await newSession(core, anna.id, { details: 'Altro', outcome: 'partial' });
    await newSession(core, null, { details: 'Anonima' });
    expectInStep(core, 3);
    expect(snapshot(db).services.map((row) => (row as { visit: number | null }).visit)).toEqual(
      expect.arrayContaining([1, 2, null]),
    );

    await callOk(core, 'sessions.update', {
      ...sessionInput(bruno.id, { details: 'Spostata', serviceAreas: ['C'] }),
      id: first.id,
      baseVersion: 1,
    } as MethodInput<'sessions.update'>);
    expectInStep(core, 3);

    insertRun(db, 'run-1', second.id, ['citizen', 'operator', null]);
    insertRun(db, 'run-2', first.id, [null]);
    expectInStep(core, 3);
    expect(snapshot(db).runs).toEqual([{ run_id: 'run-1', session_id: second.id, steps: 2, alone: 1 }]);
    db.prepare('UPDATE guide_runs SET steps = \'[{"autonomy":"citizen"}]\' WHERE id = \'run-2\'').run();
    db.prepare("DELETE FROM guide_runs WHERE id = 'run-1'").run();
    expectInStep(core, 3);

    db.prepare('UPDATE sessions SET date = ? WHERE id = ?').run('2024-02-29', second.id);
    expectInStep(core, 3);
    await callOk(core, 'sessions.delete', { id: second.id, baseVersion: 1, reason: 'Registrata per errore' });
    expectInStep(core, 2);
    await callOk(core, 'citizens.erase', { id: bruno.id, reason: 'Richiesta di cancellazione' });
    expectInStep(core, 2);
    core.close();
  });

  it('workshops: schedule, roster, check-in, close, reopen, close again, edit by SQL, tombstone', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const db = core.database.db;
    const { workshop, roster } = await workshopWithRoster(core, 3, 2);
    expectInStep(core, 0);
    await callOk(core, 'workshops.close', { id: workshop.id });
    expectInStep(core, 2);
    await callOk(core, 'workshops.reopen', { id: workshop.id });
    expectInStep(core, 0);
    const closed = await callOk(core, 'workshops.close', { id: workshop.id });
    expectInStep(core, 2);
    db.prepare("UPDATE workshops SET se6 = 'A:B' WHERE id = ?").run(workshop.id);
    db.prepare('UPDATE workshop_participants SET checked_in_at = NULL WHERE id = ?').run(roster.participants[0]?.id);
    expectInStep(core, 1);
    await callOk(core, 'workshops.delete', { id: workshop.id, baseVersion: closed.version, reason: 'Annullato' });
    expectInStep(core, 0);
    core.close();
  });

  it('demo data and seeded history, then retention', async () => {
    const core = createTestCore();
    await seed(core, 300);
    const { n } = core.database.db.prepare('SELECT count(*) AS n FROM sessions WHERE deleted_at IS NULL').get() as {
      n: number;
    };
    expectInStep(core, n);
    await callOk(core, 'journal.signIn', { operatorId: operatorOf(core), secret: '1234' });
    await callOk(core, 'retention.run', {});
    expectInStep(core, n);
    core.close();
  });
});

const operatorOf = (core: AppCore) =>
  (core.database.db.prepare("SELECT id FROM operators WHERE role = 'coordinator'").get() as { id: string }).id;
