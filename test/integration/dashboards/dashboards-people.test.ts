import { expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import { callOk, newCitizen, newSession, setUpDesk } from '../../support/journal.ts';

// The people tables count each citizen's services, sessions and workshop participations alike (see
// peopleTables() in main/core/dashboards/service-tables.ts): a citizen seen in both is still one
// citizen, and a period without anonymous sessions has no 'unknown' row.
it('a citizen with a session and a workshop in the period is one citizen with two services', async () => {
  const core = createTestCore();
  const coordinator = await setUpDesk(core);
  const citizen = await newCitizen(core);
  const db = core.database.db;
  const session = await newSession(core, citizen.id);
  db.prepare("UPDATE sessions SET date = '2025-03-09' WHERE id = ?").run(session.id);
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO workshops (id, version, trainer_id, title, date, place, duration_min, se3, se5, se6, state,
                            created_at, updated_by, updated_at)
     VALUES ('w', 1, ?, 'SPID', '2025-03-10', 'Sala', 60, 'B', '9', 'A', 'closed', ?, ?, ?)`,
  ).run(coordinator.id, now, coordinator.id, now);
  db.prepare(
    `INSERT INTO workshop_participants (id, version, workshop_id, citizen_id, checked_in_at, created_at, updated_at)
     VALUES ('w-p', 1, 'w', ?, ?, ?, ?)`,
  ).run(citizen.id, now, now, now);

  const dashboard = await callOk(core, 'dashboards.get', { from: '2025-03-01', to: '2025-03-31' });
  const rows = (id: string) =>
    dashboard.tables.find((table) => table.id === id)?.rows.map((row) => [row.key, ...row.values]);
  expect(dashboard.totals).toEqual({ services: 2, citizens: 1 });
  for (const id of ['gender', 'education', 'occupation', 'citizenship', 'ageBands']) {
    expect(rows(id)).toHaveLength(1);
    expect(rows(id)?.[0]?.slice(1)).toEqual([2, 1]);
  }
  core.close();
});
