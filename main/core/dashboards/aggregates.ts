import type Database from 'better-sqlite3';
import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import type { Period } from './counted.ts';
import { blockers } from './blockers.ts';
import { serviceTables } from './service-tables.ts';

export type { Period } from './counted.ts';

/**
 * The services of a period and their unique citizens, from the rollup dashboard_services
 * (migration 0220: a row per live session and per checked-in participant of a live closed
 * workshop, the same services the Facilita export counts). The targets' progress uses it.
 */
export const totals = (db: Database.Database, period: Period) =>
  db
    .prepare(
      `SELECT count(*) AS services, count(DISTINCT citizen) AS citizens
         FROM dashboard_services INDEXED BY dashboard_services_by_date WHERE date BETWEEN @from AND @to`,
    )
    .get(period) as { services: number; citizens: number };

/**
 * The citizens' autonomy over repeat visits: of the guide steps marked in the period's sessions,
 * the share the citizen did alone, by the session's visit number (1, 2, 3 and later) among all the
 * citizen's live sessions. Both are kept by migration 0220's triggers: the visit number on the
 * session's rollup row, the marked and alone steps counted once per run in dashboard_runs.
 */
export const autonomy = (db: Database.Database, period: Period): DashboardTable[] => {
  const rows = db
    .prepare(
      `SELECT f.visit AS key, count(DISTINCT f.citizen) AS citizens, sum(r.steps) AS steps, sum(r.alone) AS alone
         FROM dashboard_runs r JOIN dashboard_services f ON f.session = 1 AND f.source = r.session_id
        WHERE f.citizen IS NOT NULL AND f.date BETWEEN @from AND @to
        GROUP BY 1 ORDER BY 1`,
    )
    .all(period) as { key: number; citizens: number; steps: number; alone: number }[];
  return [
    {
      id: 'autonomy',
      columns: ['citizens', 'steps', 'citizenAlone', 'sharePercent'],
      rows: rows.map((row) => ({
        key: row.key >= 3 ? '3+' : String(row.key),
        values: [row.citizens, row.steps, row.alone, Math.round((1000 * row.alone) / row.steps) / 10],
      })),
    },
  ];
};

/** Every aggregate of the dashboards; each gives one or more tables (names in `language` where it names things). */
export const ALL_AGGREGATES: readonly ((
  db: Database.Database,
  period: Period,
  language: string,
) => DashboardTable[])[] = [serviceTables, blockers, autonomy];
