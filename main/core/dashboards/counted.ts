import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import type { DashboardTableId } from '../../../shared/domain/dashboards/dashboard-options.ts';
import { UNKNOWN_KEY } from '../../../shared/domain/dashboards/dashboard-options.ts';

export interface Period {
  from: string;
  to: string;
}

/** One row of a table of services and unique citizens, before it is sorted and shaped. */
export interface Counted {
  key: string | number | null;
  label?: string | null;
  services: number;
  citizens: number;
}

const keyOf = (key: Counted['key']) => (key === null ? UNKNOWN_KEY : String(key));

/** A table of services and unique citizens, rows as they come (dashboard.ts puts them in order, row-order.ts). */
export const counted = (id: DashboardTableId, rows: Counted[]): DashboardTable => ({
  id,
  columns: ['services', 'citizens'],
  rows: rows.map((row) => ({
    key: keyOf(row.key),
    ...(row.label ? { label: row.label } : {}),
    values: [row.services, row.citizens],
  })),
});
