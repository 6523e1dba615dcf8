import type Database from 'better-sqlite3';
import type { Dashboard, DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import { DASHBOARD_TABLES } from '../../../shared/domain/dashboards/dashboard-options.ts';
import { notReportableCounts } from '../export/facilita/not-reportable.ts';
import { sortRows } from '../../../shared/domain/dashboards/row-order.ts';
import { ALL_AGGREGATES, type Period } from './aggregates.ts';
import { TargetStore } from './targets.ts';

/**
 * The period's totals without another pass: the gender table splits every service once (the
 * anonymous ones under 'unknown', with no citizen), so its rows add up to the totals.
 */
const totalsOf = (tables: readonly DashboardTable[]) =>
  (tables.find((table) => table.id === 'gender')?.rows ?? []).reduce(
    (sum, row) => ({ services: sum.services + (row.values[0] ?? 0), citizens: sum.citizens + (row.values[1] ?? 0) }),
    { services: 0, citizens: 0 },
  );

/**
 * The whole dashboard of a period: totals, the services among them that will never reach Facilita
 * (a separate figure: the totals count every service the desk gave), every table (in the order
 * shown, each table's rows in their natural order: row-order.ts, the one place for it), names in
 * `language`, the targets' progress on `today`.
 */
export const buildDashboard = (db: Database.Database, period: Period, today: string, language: string): Dashboard => {
  const tables = ALL_AGGREGATES.flatMap((aggregate) => aggregate(db, period, language))
    .sort((a, b) => DASHBOARD_TABLES.indexOf(a.id) - DASHBOARD_TABLES.indexOf(b.id))
    .map((table) => ({ ...table, rows: sortRows(table.id, table.rows) }));
  return {
    from: period.from,
    to: period.to,
    totals: totalsOf(tables),
    notReportable: notReportableCounts(db, period),
    tables,
    targets: new TargetStore(db).progress(today),
  };
};
