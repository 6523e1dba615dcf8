import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate.ts';

/*
 * The dashboards' rollup: one narrow row per service (a live session, or a checked-in participant
 * of a live closed workshop) and one per guide run with its marked steps already counted. Reading
 * the wide sessions rows, splitting JSON and comparing UUIDs for every aggregate made a dashboard
 * of 100k services take ~700 ms; these rows make it one pass over small integers.
 *
 * Unique citizens cannot be added up across days, so the rollup keeps the citizen on each row
 * rather than counts per day; every string on it is a small integer from dashboard_keys. It is
 * kept by triggers, in the same statement (so the same transaction) as every write to sessions,
 * workshops, their participants and guide runs: the journal's create/update/tombstone, sync's
 * write-back, retention, erasure, demo data and any direct SQL alike, so no write path can forget
 * it. A trigger fires only on the columns the dashboards read (not, say, synced_version).
 */

/**
 * Interns the strings a rollup row refers to (a citizen's UUID, a service's profile) as small
 * integers: reading two integers a row is what makes the dashboards' one pass cheap. Keys are
 * never removed, so their numbers stay stable.
 */
const intern = (exprs: string[], from = '') =>
  exprs
    .map(
      (expr) =>
        `INSERT OR IGNORE INTO dashboard_keys (key) SELECT ${expr} ${from} ${from ? 'AND' : 'WHERE'} ${expr} IS NOT NULL;`,
    )
    .join('\n');

const n = (expr: string) => `(SELECT n FROM dashboard_keys WHERE key = ${expr})`;

/**
 * What the tables group a service by, as one key: month, operator, outcome ('' for a workshop's),
 * SE5 and SE6 code lists, joined by the unit separator (char 31), which none of them can hold.
 * Few distinct profiles recur, so the dashboards split each once (service-tables.ts).
 */
const profile = (month: string, operator: string, outcome: string, se5: string, se6: string) =>
  `(${[month, operator, `coalesce(${outcome}, '')`, se5, se6].join(' || char(31) || ')})`;

/** A live session's service row; `s` is a sessions row (NEW in a trigger). */
const sessionRow = (s: string) => {
  const key = profile(`substr(${s}.date, 1, 7)`, `${s}.operator_id`, `${s}.outcome`, `${s}.se5`, `${s}.se6`);
  return `
  ${intern([`${s}.citizen_id`, key], s === 'NEW' ? '' : `FROM sessions ${s} WHERE ${s}.deleted_at IS NULL`)}
  INSERT OR REPLACE INTO dashboard_services (session, source, date, citizen, profile, created_at)
  SELECT 1, ${s}.id, ${s}.date, ${n(`${s}.citizen_id`)}, ${n(key)}, ${s}.created_at
  ${s === 'NEW' ? '' : `FROM sessions ${s}`} WHERE ${s}.deleted_at IS NULL;`;
};

/** The participants' service rows of the workshops (or participants) `where` selects. */
const participantRows = (where: string) => {
  const from = `FROM workshops w JOIN workshop_participants p ON p.workshop_id = w.id
   WHERE ${where} AND w.deleted_at IS NULL AND w.state = 'closed' AND p.checked_in_at IS NOT NULL`;
  const key = profile('substr(w.date, 1, 7)', 'w.trainer_id', 'NULL', 'w.se5', 'w.se6');
  return `
  ${intern(['p.citizen_id', key], from)}
  INSERT OR REPLACE INTO dashboard_services (session, source, date, citizen, profile, created_at)
  SELECT 0, p.id, w.date, ${n('p.citizen_id')}, ${n(key)}, NULL
  ${from};`;
};

/**
 * A session's visit number among its citizen's live sessions (1, 2, 3 = third and later), ordered
 * by date then creation; recounted for the whole citizen whenever one of their sessions changes.
 */
const visits = (citizens: string) => `
  UPDATE dashboard_services SET visit = (
    SELECT count(*) FROM (SELECT 1 FROM dashboard_services e
      WHERE e.session = 1 AND e.citizen = dashboard_services.citizen AND e.date <= dashboard_services.date
        AND (e.date < dashboard_services.date OR e.created_at <= dashboard_services.created_at) LIMIT 3))
   WHERE session = 1 AND citizen ${citizens};`;

const visitsOf = (citizenExpr: string) => visits(`= ${n(citizenExpr)}`);

/** A guide run's marked steps and those the citizen did alone (runs with none get no row). */
const runRow = (r: string) => `
  INSERT OR REPLACE INTO dashboard_runs (run_id, session_id, steps, alone)
  SELECT ${r}.id, ${r}.session_id, count(*), sum(step.value ->> 'autonomy' = 'citizen')
    FROM ${r === 'NEW' ? '' : `guide_runs ${r}, `}json_each(${r}.steps) step
   WHERE ${r}.session_id IS NOT NULL AND step.value ->> 'autonomy' IS NOT NULL
   GROUP BY ${r}.id;`;

const SESSION_FIELDS = 'id, date, citizen_id, operator_id, outcome, se5, se6, created_at, deleted_at';

const TRIGGERS = `
  CREATE TRIGGER dashboard_session_insert AFTER INSERT ON sessions BEGIN
    ${sessionRow('NEW')} ${visitsOf('NEW.citizen_id')}
  END;
  CREATE TRIGGER dashboard_session_update AFTER UPDATE OF ${SESSION_FIELDS} ON sessions BEGIN
    DELETE FROM dashboard_services WHERE session = 1 AND source = OLD.id;
    ${sessionRow('NEW')} ${visitsOf('NEW.citizen_id')}
    ${visits(`= ${n('OLD.citizen_id')} AND OLD.citizen_id IS NOT NEW.citizen_id`)}
  END;
  CREATE TRIGGER dashboard_session_delete AFTER DELETE ON sessions BEGIN
    DELETE FROM dashboard_services WHERE session = 1 AND source = OLD.id;
    ${visitsOf('OLD.citizen_id')}
  END;

  CREATE TRIGGER dashboard_workshop_insert AFTER INSERT ON workshops BEGIN
    ${participantRows('w.id = NEW.id')}
  END;
  CREATE TRIGGER dashboard_workshop_update
    AFTER UPDATE OF id, date, trainer_id, se5, se6, state, deleted_at ON workshops BEGIN
    DELETE FROM dashboard_services
     WHERE session = 0 AND source IN (SELECT id FROM workshop_participants WHERE workshop_id IN (OLD.id, NEW.id));
    ${participantRows('w.id = NEW.id')}
  END;
  CREATE TRIGGER dashboard_workshop_delete AFTER DELETE ON workshops BEGIN
    DELETE FROM dashboard_services
     WHERE session = 0 AND source IN (SELECT id FROM workshop_participants WHERE workshop_id = OLD.id);
  END;
  CREATE TRIGGER dashboard_participant_insert AFTER INSERT ON workshop_participants BEGIN
    ${participantRows('p.id = NEW.id')}
  END;
  CREATE TRIGGER dashboard_participant_update
    AFTER UPDATE OF id, workshop_id, citizen_id, checked_in_at ON workshop_participants BEGIN
    DELETE FROM dashboard_services WHERE session = 0 AND source = OLD.id;
    ${participantRows('p.id = NEW.id')}
  END;
  CREATE TRIGGER dashboard_participant_delete AFTER DELETE ON workshop_participants BEGIN
    DELETE FROM dashboard_services WHERE session = 0 AND source = OLD.id;
  END;

  CREATE TRIGGER dashboard_run_insert AFTER INSERT ON guide_runs BEGIN ${runRow('NEW')} END;
  CREATE TRIGGER dashboard_run_update AFTER UPDATE OF id, session_id, steps ON guide_runs BEGIN
    DELETE FROM dashboard_runs WHERE run_id = OLD.id;
    ${runRow('NEW')}
  END;
  CREATE TRIGGER dashboard_run_delete AFTER DELETE ON guide_runs BEGIN
    DELETE FROM dashboard_runs WHERE run_id = OLD.id;
  END;
`;

/**
 * Rebuilds the rollup from scratch out of the journal's tables (the migration's back-fill; the
 * tests compare it with what the triggers kept). Interned numbers already given are kept.
 */
export const rebuildDashboardRollup = (db: Database): void => {
  db.exec(`
    DELETE FROM dashboard_services;
    DELETE FROM dashboard_runs;
    ${sessionRow('s')}
    ${participantRows('1')}
    ${visits('IS NOT NULL')}
    ${runRow('r')}
  `);
};

export const dashboardRollup: Migration = {
  version: 220,
  name: 'dashboard-rollup',
  up: (db) => {
    db.exec(`
      CREATE TABLE dashboard_keys (
        n    INTEGER PRIMARY KEY,
        key  TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE dashboard_services (
        session     INTEGER NOT NULL CHECK (session IN (0, 1)),
        source      TEXT NOT NULL,
        date        TEXT NOT NULL,
        citizen     INTEGER,
        profile     INTEGER NOT NULL,
        created_at  TEXT,
        visit       INTEGER,
        PRIMARY KEY (session, source)
      ) STRICT;
      CREATE INDEX dashboard_services_by_date ON dashboard_services (date, citizen);
      CREATE INDEX dashboard_services_by_citizen ON dashboard_services (citizen, date, profile);
      CREATE INDEX dashboard_services_visits ON dashboard_services (citizen, date, created_at)
        WHERE session = 1 AND citizen IS NOT NULL;
      -- The people tables look a citizen's reported fields up by id: from this index, not the wide row.
      CREATE INDEX citizens_dashboard ON citizens (id, gender, birth_year, education, occupation, citizenship);
      CREATE TABLE dashboard_runs (
        run_id      TEXT PRIMARY KEY NOT NULL,
        session_id  TEXT NOT NULL,
        steps       INTEGER NOT NULL,
        alone       INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      ${TRIGGERS}
    `);
    rebuildDashboardRollup(db);
  },
};
