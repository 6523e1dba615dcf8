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

/** Most services first; equal ones by key (numbers in order), 'unknown' last. */
const bySize = (a: Counted, b: Counted) =>
  b.services - a.services ||
  Number(a.key === null) - Number(b.key === null) ||
  keyOf(a.key).localeCompare(keyOf(b.key), 'en', { numeric: true });

/** A table of services and unique citizens; `null` keeps the rows' order (months, age bands). */
export const counted = (
  id: DashboardTableId,
  rows: Counted[],
  sort: typeof bySize | null = bySize,
): DashboardTable => ({
  id,
  columns: ['services', 'citizens'],
  rows: (sort ? [...rows].sort(sort) : rows).map((row) => ({
    key: keyOf(row.key),
    ...(row.label ? { label: row.label } : {}),
    values: [row.services, row.citizens],
  })),
});
