import type Database from 'better-sqlite3';
import type { TargetInput, TargetProgress } from '../../../shared/domain/dashboards/dashboard.ts';
import { uuidv7 } from '../../../shared/ids/uuid7.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import { totals } from './aggregates.ts';

interface TargetRow {
  id: string;
  label: string;
  metric: 'citizens' | 'services';
  value: number;
  from_date: string;
  due_date: string;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;

/**
 * Where the count should be on `today` for the target to be met on time: the share of the value
 * its elapsed days stand for (none before it starts, all of it once due). The trend chart marks it.
 */
export const expectedBy = (target: { value: number; from: string; due: string }, today: string): number => {
  if (today < target.from) return 0;
  if (today >= target.due) return target.value;
  return Math.floor((target.value * days(target.from, today)) / days(target.from, target.due));
};

/**
 * Where a target stands on `today`: met once reached; missed when its date passed first; otherwise
 * on track when at least where it should be today (expectedBy) is reached.
 */
export const statusOf = (
  target: { value: number; from: string; due: string },
  achieved: number,
  today: string,
): TargetProgress['status'] => {
  if (achieved >= target.value) return 'met';
  if (today > target.due) return 'missed';
  return achieved >= expectedBy(target, today) ? 'onTrack' : 'behind';
};

/** The coordinator's targets (unique citizens or services between two dates) and their progress. */
export class TargetStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  progress(today: string): TargetProgress[] {
    const rows = this.#db.prepare('SELECT * FROM dashboard_targets ORDER BY due_date, label').all() as TargetRow[];
    return rows.map((row) => {
      const period = { from: row.from_date, to: row.due_date < today ? row.due_date : today };
      const reached = period.from > period.to ? { services: 0, citizens: 0 } : totals(this.#db, period);
      const achieved = reached[row.metric];
      const target = { value: row.value, from: row.from_date, due: row.due_date };
      return {
        id: row.id,
        label: row.label,
        metric: row.metric,
        ...target,
        achieved,
        expected: expectedBy(target, today),
        status: statusOf(target, achieved, today),
      };
    });
  }

  save(input: TargetInput, by: string): string {
    const now = new Date().toISOString();
    if (input.id) {
      const changed = this.#db
        .prepare(
          `UPDATE dashboard_targets SET label = ?, metric = ?, value = ?, from_date = ?, due_date = ?, updated_at = ?
            WHERE id = ?`,
        )
        .run(input.label, input.metric, input.value, input.from, input.due, now, input.id);
      if (changed.changes === 0) throw new AppFailure('NOT_FOUND', 'No such target', { reason: 'targetNotFound' });
      return input.id;
    }
    const id = uuidv7();
    this.#db
      .prepare(
        `INSERT INTO dashboard_targets (id, label, metric, value, from_date, due_date, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.label, input.metric, input.value, input.from, input.due, by, now, now);
    return id;
  }

  remove(id: string): boolean {
    return this.#db.prepare('DELETE FROM dashboard_targets WHERE id = ?').run(id).changes > 0;
  }
}
