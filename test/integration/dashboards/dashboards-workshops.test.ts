import { expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import { callOk, newCitizen, setUpDesk } from '../../support/journal.ts';

it('a closed workshop counts one service per checked-in participant, with no outcome', async () => {
  const core = createTestCore();
  const coordinator = await setUpDesk(core);
  const present = await newCitizen(core);
  const db = core.database.db;
  const now = new Date().toISOString();
  const workshop = (id: string, state: string, date: string) =>
    db
      .prepare(
        `INSERT INTO workshops (id, version, trainer_id, title, date, place, duration_min, se3, se5, se6, state,
                                created_at, updated_by, updated_at)
         VALUES (?, 1, ?, 'SPID', ?, 'Sala', 60, 'B', '9', 'A:B', ?, ?, ?, ?)`,
      )
      .run(id, coordinator.id, date, state, now, coordinator.id, now);
  const participant = (workshopId: string, checkedIn: boolean) =>
    db
      .prepare(
        `INSERT INTO workshop_participants (id, version, workshop_id, citizen_id, checked_in_at, created_at, updated_at)
         VALUES (?, 1, ?, ?, ?, ?, ?)`,
      )
      .run(`${workshopId}-p`, workshopId, present.id, checkedIn ? now : null, now, now);
  workshop('w-closed', 'closed', '2025-03-10');
  participant('w-closed', true);
  workshop('w-absent', 'closed', '2025-03-11');
  participant('w-absent', false);
  workshop('w-scheduled', 'scheduled', '2025-03-12');
  participant('w-scheduled', true);

  const dashboard = await callOk(core, 'dashboards.get', { from: '2025-03-01', to: '2025-03-31' });
  const rows = (id: string) =>
    dashboard.tables.find((table) => table.id === id)?.rows.map((row) => [row.key, ...row.values]);
  expect(dashboard.totals).toEqual({ services: 1, citizens: 1 });
  expect(rows('serviceAreas')).toEqual([
    ['A', 1, 1],
    ['B', 1, 1],
  ]);
  expect(rows('competences')).toEqual([['9', 1, 1]]);
  expect(rows('operators')).toEqual([[coordinator.id, 1, 1]]);
  expect(rows('outcomes')).toEqual([]);
  core.close();
});
