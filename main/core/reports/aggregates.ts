import type Database from 'better-sqlite3';
import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import type { DashboardTableId } from '../../../shared/domain/dashboards/dashboard-options.ts';
import { UNKNOWN_KEY } from '../../../shared/domain/dashboards/dashboard-options.ts';
import { ageBandOf } from '../../../shared/facilita/codes.ts';

export interface Period {
  from: string;
  to: string;
}

/**
 * Every service of the period, one row each: the live sessions (read from the covering index
 * sessions_dashboard, migration 0210), and each checked-in participant of a closed workshop (the
 * same services the Facilita export counts). Every aggregate is one query over this.
 */
export const SERVICES = `
  WITH svc AS (
    SELECT s.date, s.citizen_id, s.operator_id, s.se5, s.se6, s.outcome FROM sessions s
     WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to
    UNION ALL
    SELECT w.date, p.citizen_id, w.trainer_id, w.se5, w.se6, NULL FROM workshops w
      JOIN workshop_participants p ON p.workshop_id = w.id
     WHERE w.deleted_at IS NULL AND w.state = 'closed' AND p.checked_in_at IS NOT NULL AND w.date BETWEEN @from AND @to
  )`;

const COUNTS = 'count(*) AS services, count(DISTINCT svc.citizen_id) AS citizens';

interface Counted {
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

const counted = (id: DashboardTableId, rows: Counted[], sort: typeof bySize | null = bySize): DashboardTable => ({
  id,
  columns: ['services', 'citizens'],
  rows: (sort ? [...rows].sort(sort) : rows).map((row) => ({
    key: keyOf(row.key),
    ...(row.label ? { label: row.label } : {}),
    values: [row.services, row.citizens],
  })),
});

/** Adds rows that fall under the same key (the unique citizens of disjoint groups add up). */
const sumInto = (into: Map<string, Counted>, key: string | null, row: { services: number; citizens: number }) => {
  const known = into.get(key ?? UNKNOWN_KEY) ?? { key, services: 0, citizens: 0 };
  into.set(key ?? UNKNOWN_KEY, {
    key,
    services: known.services + row.services,
    citizens: known.citizens + row.citizens,
  });
};

export const totals = (db: Database.Database, period: Period) =>
  db.prepare(`${SERVICES} SELECT ${COUNTS} FROM svc`).get(period) as { services: number; citizens: number };

export const monthly = (db: Database.Database, period: Period): DashboardTable[] => [
  counted(
    'monthly',
    db
      .prepare(`${SERVICES} SELECT substr(date, 1, 7) AS key, ${COUNTS} FROM svc GROUP BY 1 ORDER BY 1`)
      .all(period) as Counted[],
    null,
  ),
];

/** A multi-valued code column (':'-joined) split inside the query by json_each: one row per code. */
const codeTable = (id: DashboardTableId, column: 'se5' | 'se6') => (db: Database.Database, period: Period) => [
  counted(
    id,
    db
      .prepare(
        `${SERVICES} SELECT code.value AS key, ${COUNTS}
           FROM svc, json_each('["' || replace(svc.${column}, ':', '","') || '"]') code GROUP BY 1`,
      )
      .all(period) as Counted[],
  ),
];

export const serviceAreas = codeTable('serviceAreas', 'se6');
export const competences = codeTable('competences', 'se5');

interface PersonGroup {
  gender: string | null;
  birth_year: number | null;
  education: string | null;
  occupation: string | null;
  citizenship: string | null;
  services: number;
  citizens: number;
}

const AGE_ORDER = ['E', 'A', 'B', 'C', 'D', UNKNOWN_KEY];

/**
 * The people served, in one pass: services are first counted per citizen, then grouped by the
 * citizens' gender, birth year, education, occupation and citizenship; each table adds up those
 * groups. Age bands as Facilita computes them: the period's last year minus the birth year.
 */
export const people = (db: Database.Database, period: Period): DashboardTable[] => {
  const groups = db
    .prepare(
      `${SERVICES}, per AS (SELECT citizen_id, count(*) AS services FROM svc GROUP BY citizen_id)
       SELECT c.gender, c.birth_year, c.education, c.occupation, c.citizenship,
              sum(per.services) AS services, count(per.citizen_id) AS citizens
         FROM per LEFT JOIN citizens c ON c.id = per.citizen_id
        GROUP BY 1, 2, 3, 4, 5`,
    )
    .all(period) as PersonGroup[];
  const year = Number(period.to.slice(0, 4));
  const tables = {
    ageBands: new Map<string, Counted>(),
    gender: new Map<string, Counted>(),
    education: new Map<string, Counted>(),
    occupation: new Map<string, Counted>(),
    citizenship: new Map<string, Counted>(),
  };
  for (const group of groups) {
    sumInto(tables.ageBands, group.birth_year === null ? null : ageBandOf(year - group.birth_year), group);
    sumInto(tables.gender, group.gender, group);
    sumInto(tables.education, group.education, group);
    sumInto(tables.occupation, group.occupation, group);
    sumInto(tables.citizenship, group.citizenship, group);
  }
  const ages = [...tables.ageBands.entries()]
    .sort(([a], [b]) => AGE_ORDER.indexOf(a) - AGE_ORDER.indexOf(b))
    .map(([, band]) => band);
  return [
    counted('ageBands', ages, null),
    counted('gender', [...tables.gender.values()]),
    counted('education', [...tables.education.values()]),
    counted('occupation', [...tables.occupation.values()]),
    counted('citizenship', [...tables.citizenship.values()]),
  ];
};

export const operators = (db: Database.Database, period: Period): DashboardTable[] => [
  counted(
    'operators',
    db
      .prepare(
        `${SERVICES} SELECT svc.operator_id AS key, o.name AS label, ${COUNTS}
           FROM svc LEFT JOIN operators o ON o.id = svc.operator_id GROUP BY 1`,
      )
      .all(period) as Counted[],
  ),
];

/** Outcomes are recorded on sessions (a workshop has none). */
export const outcomes = (db: Database.Database, period: Period): DashboardTable[] => [
  counted(
    'outcomes',
    db
      .prepare(`${SERVICES} SELECT svc.outcome AS key, ${COUNTS} FROM svc WHERE svc.outcome IS NOT NULL GROUP BY 1`)
      .all(period) as Counted[],
  ),
];

const BLOCKERS_SHOWN = 20;

/** The prerequisites most often missing in the guide runs started in the period (the blockers). */
export const blockers = (db: Database.Database, period: Period): DashboardTable[] => [
  {
    id: 'blockers',
    columns: ['runs'],
    rows: (
      db
        .prepare(
          `SELECT missing.value AS key, count(*) AS runs
             FROM guide_runs r, json_each(r.missing_prerequisites) missing
            WHERE r.started_at >= @from AND r.started_at < date(@to, '+1 day')
            GROUP BY 1 ORDER BY runs DESC, key LIMIT ${BLOCKERS_SHOWN}`,
        )
        .all(period) as { key: string; runs: number }[]
    ).map((row) => ({ key: row.key, values: [row.runs] })),
  },
];

/**
 * The citizens' autonomy over repeat visits: of the guide steps marked in the period's sessions,
 * the share the citizen did alone, by the session's visit number (1, 2, 3 and later) among all the
 * citizen's live sessions (counted on the index sessions_live_by_citizen, at most 3 entries each).
 */
export const autonomy = (db: Database.Database, period: Period): DashboardTable[] => {
  const rows = db
    .prepare(
      `WITH runs AS MATERIALIZED (
         SELECT r.steps, s.citizen_id,
                (SELECT count(*) FROM (SELECT 1 FROM sessions e
                   WHERE e.citizen_id = s.citizen_id AND e.deleted_at IS NULL AND e.date <= s.date
                     AND (e.date < s.date OR e.created_at <= s.created_at) LIMIT 3)) AS visit
           FROM guide_runs r JOIN sessions s ON s.id = r.session_id
          WHERE s.deleted_at IS NULL AND s.citizen_id IS NOT NULL AND s.date BETWEEN @from AND @to
       )
       SELECT visit AS key, count(DISTINCT citizen_id) AS citizens, count(*) AS steps,
              sum(step.value ->> 'autonomy' = 'citizen') AS alone
         FROM runs, json_each(runs.steps) step
        WHERE step.value ->> 'autonomy' IS NOT NULL
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

/** Every aggregate of the dashboards; each is one query and gives one or more tables. */
export const ALL_AGGREGATES: readonly ((db: Database.Database, period: Period) => DashboardTable[])[] = [
  monthly,
  serviceAreas,
  competences,
  people,
  operators,
  outcomes,
  blockers,
  autonomy,
];
