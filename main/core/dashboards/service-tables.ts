import type Database from 'better-sqlite3';
import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import { UNKNOWN_KEY } from '../../../shared/domain/dashboards/dashboard-options.ts';
import { ageBandOf } from '../../../shared/facilita/codes.ts';
import { counted, type Counted, type Period } from './counted.ts';
import { FirstSeen, monthlyTable } from './monthly.ts';

/**
 * Services counted under one key and their unique citizens. The rows come ordered by citizen, so a
 * citizen is new to a key exactly when it differs from the last one counted there (no sets).
 */
interface Tally {
  services: number;
  citizens: number;
  last: number | null;
}

/** A rollup row: the citizen and the profile as interned numbers (dashboard_keys); no citizen when anonymous. */
type ServiceRow = [citizen: number | null, profile: number];

const newTally = (): Tally => ({ services: 0, citizens: 0, last: null });

const count = (found: Tally, citizen: number | null) => {
  found.services += 1;
  if (citizen !== null && citizen !== found.last) {
    found.citizens += 1;
    found.last = citizen;
  }
};

/** The tally of `key` in a table, made on first use. */
const tallyOf = <K>(table: Map<K, Tally>, key: K) => {
  const found = table.get(key) ?? newTally();
  table.set(key, found);
  return found;
};

/** Adds a group's services and citizens under its key (the groups are disjoint sets of citizens). */
const sumInto = (into: Map<string, Counted>, key: string | null, row: { services: number; citizens: number }) => {
  const known = into.get(key ?? UNKNOWN_KEY) ?? { key, services: 0, citizens: 0 };
  into.set(key ?? UNKNOWN_KEY, {
    key,
    services: known.services + row.services,
    citizens: known.citizens + row.citizens,
  });
};

interface Person {
  gender: string | null;
  birth_year: number | null;
  education: string | null;
  occupation: string | null;
  citizenship: string | null;
}

const NOBODY: Person = { gender: null, birth_year: null, education: null, occupation: null, citizenship: null };

/**
 * The people served: each citizen's services, added up by their gender, age band, education,
 * occupation and citizenship (the anonymous services, and a citizen no longer on file, under
 * 'unknown'). Age bands as Facilita computes them: the period's last year minus the birth year.
 */
const peopleTables = (db: Database.Database, period: Period, perCitizen: Map<number, number>, anonymous: number) => {
  const people = db
    .prepare(
      `SELECT j.value AS n, c.gender, c.birth_year, c.education, c.occupation, c.citizenship
         FROM json_each(?) j JOIN dashboard_keys k ON k.n = j.value
         LEFT JOIN citizens c INDEXED BY citizens_dashboard ON c.id = k.key`,
    )
    .all(JSON.stringify([...perCitizen.keys()])) as (Person & { n: number })[];
  const year = Number(period.to.slice(0, 4));
  const tables = {
    ageBands: new Map<string, Counted>(),
    gender: new Map<string, Counted>(),
    education: new Map<string, Counted>(),
    occupation: new Map<string, Counted>(),
    citizenship: new Map<string, Counted>(),
  };
  const add = (person: Person, group: { services: number; citizens: number }) => {
    sumInto(tables.ageBands, person.birth_year === null ? null : ageBandOf(year - person.birth_year), group);
    sumInto(tables.gender, person.gender, group);
    sumInto(tables.education, person.education, group);
    sumInto(tables.occupation, person.occupation, group);
    sumInto(tables.citizenship, person.citizenship, group);
  };
  for (const person of people) add(person, { services: perCitizen.get(person.n) ?? 0, citizens: 1 });
  if (anonymous > 0) add(NOBODY, { services: anonymous, citizens: 0 });
  return [
    counted('ageBands', [...tables.ageBands.values()]),
    counted('gender', [...tables.gender.values()]),
    counted('education', [...tables.education.values()]),
    counted('occupation', [...tables.occupation.values()]),
    counted('citizenship', [...tables.citizenship.values()]),
  ];
};

/** The tables a service is counted in, found from its profile (see migration 0220). */
interface Tables {
  months: Map<string, Tally>;
  areas: Map<string, Tally>;
  competences: Map<string, Tally>;
  operators: Map<string, Tally>;
  outcomes: Map<string, Tally>;
}

/** Every tally one profile's services go to: its month, SE6 codes, SE5 codes, operator and outcome. */
const talliesOf = (profile: string, tables: Tables): Tally[] => {
  const [month = '', operator = '', outcome = '', se5 = '', se6 = ''] = profile.split('\u001f');
  return [
    tallyOf(tables.months, month),
    ...se6.split(':').map((code) => tallyOf(tables.areas, code)),
    ...se5.split(':').map((code) => tallyOf(tables.competences, code)),
    tallyOf(tables.operators, operator),
    ...(outcome === '' ? [] : [tallyOf(tables.outcomes, outcome)]),
  ];
};

const rowsOf = (tallies: Map<string, Tally>, labels?: Map<string, string | null>): Counted[] =>
  [...tallies].map(([key, { services, citizens }]) => ({ key, label: labels?.get(key) ?? null, services, citizens }));

/**
 * Every table counting services and unique citizens, in one pass over the period's rows of the
 * rollup dashboard_services (migration 0220), two integers each, read in citizen order from its
 * covering index dashboard_services_by_citizen (walked whole, the date filtered on it): months,
 * service areas (SE6) and competences (SE5, a ':'-joined list counting under each code),
 * operators, outcomes (sessions only) and the people; the month each citizen is first seen in
 * (the monthly trend's unique citizens to date). One read of narrow rows replaces a scan, a
 * sort and a distinct per table; each distinct profile is looked up and split once.
 */
export const serviceTables = (db: Database.Database, period: Period): DashboardTable[] => {
  const rows = db
    .prepare(
      `SELECT citizen, profile FROM dashboard_services INDEXED BY dashboard_services_by_citizen
        WHERE date BETWEEN @from AND @to ORDER BY citizen`,
    )
    .raw(true)
    .all(period) as ServiceRow[];
  const profiles = new Map<number, Tally[]>();
  for (const [, profile] of rows) profiles.set(profile, []);
  const keys = db
    .prepare('SELECT j.value, k.key FROM json_each(?) j JOIN dashboard_keys k ON k.n = j.value')
    .raw(true)
    .all(JSON.stringify([...profiles.keys()])) as [number, string][];
  const tables: Tables = {
    months: new Map(),
    areas: new Map(),
    competences: new Map(),
    operators: new Map(),
    outcomes: new Map(),
  };
  const monthOf = new Map<number, string>();
  for (const [n, profile] of keys) {
    profiles.set(n, talliesOf(profile, tables));
    monthOf.set(n, profile.slice(0, profile.indexOf('\u001f')));
  }
  const perCitizen = new Map<number, number>();
  const firstSeen = new FirstSeen();
  let anonymous = 0;
  for (const [citizen, profile] of rows) {
    for (const found of profiles.get(profile) ?? []) count(found, citizen);
    if (citizen === null) anonymous += 1;
    else {
      perCitizen.set(citizen, (perCitizen.get(citizen) ?? 0) + 1);
      firstSeen.see(citizen, monthOf.get(profile) ?? '');
    }
  }
  const names = new Map(
    db
      .prepare('SELECT o.id, o.name FROM json_each(?) j JOIN operators o ON o.id = j.value')
      .raw(true)
      .all(JSON.stringify([...tables.operators.keys()])) as [string, string | null][],
  );
  return [
    monthlyTable(period, tables.months, firstSeen.byMonth()),
    counted('serviceAreas', rowsOf(tables.areas)),
    counted('competences', rowsOf(tables.competences)),
    ...peopleTables(db, period, perCitizen, anonymous),
    counted('operators', rowsOf(tables.operators, names)),
    counted('outcomes', rowsOf(tables.outcomes)),
  ];
};
