import {
  AN10_OCCUPATION,
  AN11_CITIZENSHIP,
  AN7_GENDER,
  AN8_AGE_BANDS,
  AN8_AGE_BAND_CODES,
  AN9_EDUCATION,
  SE5_COMPETENCES,
  SE6_SERVICE_AREAS,
} from '../../facilita/codes.ts';
import { OUTCOMES } from '../journal/options.ts';
import type { DashboardTableId } from './dashboard-options.ts';
import { UNKNOWN_KEY } from './dashboard-options.ts';

/**
 * The one rule for the order of every dashboard table's rows (screen, CSV, XLSX and PDF all take
 * the rows as the core sorted them here). Categories keep their natural order, never their
 * counts, so a row is found where a reader expects it and two periods compare line by line:
 * Facilita codes in their code order (education A→L, occupation A→H, areas A→S, competences
 * 1→13), age bands by age (14–17 first, as E is the youngest), outcomes as the form lists them,
 * months in time, visits 1, 2, 3+, operators by name. Blockers alone are a ranking (the
 * prerequisites missing most, the top ones only), so they go by count. 'unknown' is always last.
 */
const CODE_ORDER: Partial<Record<DashboardTableId, readonly string[]>> = {
  serviceAreas: SE6_SERVICE_AREAS,
  competences: SE5_COMPETENCES.map(String),
  ageBands: [...AN8_AGE_BAND_CODES].sort((a, b) => AN8_AGE_BANDS[a].min - AN8_AGE_BANDS[b].min),
  gender: AN7_GENDER,
  education: AN9_EDUCATION,
  occupation: AN10_OCCUPATION,
  citizenship: AN11_CITIZENSHIP,
  outcomes: OUTCOMES,
  autonomy: ['1', '2', '3+'],
};

interface Sortable {
  key: string;
  label?: string;
  values: readonly number[];
}

/** Keys outside the table's list (none expected) after the listed ones, then by key, numbers as numbers. */
const byKey = (a: Sortable, b: Sortable) => a.key.localeCompare(b.key, 'en', { numeric: true });

const comparerOf = (table: DashboardTableId): ((a: Sortable, b: Sortable) => number) => {
  const codes = CODE_ORDER[table];
  if (codes) {
    const rank = (row: Sortable) => (codes.includes(row.key) ? codes.indexOf(row.key) : codes.length);
    return (a, b) => rank(a) - rank(b) || byKey(a, b);
  }
  if (table === 'operators')
    return (a, b) => (a.label ?? a.key).localeCompare(b.label ?? b.key, 'it', { sensitivity: 'base' }) || byKey(a, b);
  if (table === 'blockers') return (a, b) => (b.values[0] ?? 0) - (a.values[0] ?? 0) || byKey(a, b);
  // Months (yyyy-mm) sort in time as text.
  return byKey;
};

/** A table's rows in their natural order (see above), 'unknown' last; a new array. */
export const sortRows = <Row extends Sortable>(table: DashboardTableId, rows: readonly Row[]): Row[] => {
  const compare = comparerOf(table);
  return [...rows].sort((a, b) => Number(a.key === UNKNOWN_KEY) - Number(b.key === UNKNOWN_KEY) || compare(a, b));
};
