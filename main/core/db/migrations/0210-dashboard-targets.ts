import type { Migration } from '../migrate.ts';

/**
 * The coordinator's targets for the dashboards (unique citizens or services to reach between two
 * dates: the programme's milestones), and the indexes the dashboards' aggregates use: a covering
 * index of the live sessions' reported fields by date (every aggregate reads it, never the wide
 * rows), guide runs by start date (blockers) and live sessions by citizen and date (visit numbers).
 * Targets are this desk's planning: they are not synced.
 */
export const dashboardTargets: Migration = {
  version: 210,
  name: 'dashboard-targets',
  up: (db) => {
    db.exec(`
      CREATE TABLE dashboard_targets (
        id          TEXT PRIMARY KEY NOT NULL,
        label       TEXT NOT NULL,
        metric      TEXT NOT NULL CHECK (metric IN ('citizens', 'services')),
        value       INTEGER NOT NULL CHECK (value >= 1),
        from_date   TEXT NOT NULL,
        due_date    TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_dashboard ON sessions (date, citizen_id, operator_id, outcome, se5, se6, deleted_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX guide_runs_started ON guide_runs (started_at);
      CREATE INDEX sessions_live_by_citizen ON sessions (citizen_id, date, created_at)
        WHERE deleted_at IS NULL AND citizen_id IS NOT NULL;
    `);
  },
};
