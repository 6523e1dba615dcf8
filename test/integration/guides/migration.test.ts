import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/db/migrate.ts';
import { MIGRATIONS } from '../../../main/core/db/migrations/index.ts';
import { applyPragmas } from '../../../main/core/db/pragmas.ts';
import { tempDataDir } from '../../support/host-process.ts';

const migrated = () => {
  const db = new Database(join(tempDataDir('guide-runs'), 'test.sqlite'));
  applyPragmas(db);
  migrate(db, MIGRATIONS);
  return db;
};

const NOW = '2026-11-22T10:00:00.000Z';
const insertRun = (db: Database.Database, overrides: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO guide_runs (id, guide_id, guide_version, language, state, started_at, updated_at)
       VALUES (@id, @guide_id, @guide_version, @language, @state, @at, @at)`,
    )
    .run({
      id: 'run-1',
      guide_id: 'g',
      guide_version: '1.0.0',
      language: 'it',
      state: 'checklist',
      at: NOW,
      ...overrides,
    });

describe('migration 0030 guide-runs', () => {
  it('creates guide_runs with the run record’s columns and guide_versions', () => {
    const db = migrated();
    const columns = (db.prepare("SELECT name FROM pragma_table_info('guide_runs')").pluck().all() as string[]).sort();
    expect(columns).toEqual(
      [
        'id',
        'guide_id',
        'guide_version',
        'language',
        'state',
        'current_step',
        'missing_prerequisites',
        'steps',
        'outcome',
        'outcome_reason',
        'session_id',
        'started_at',
        'updated_at',
        'ended_at',
      ].sort(),
    );
    expect(db.prepare("SELECT name FROM pragma_table_info('guide_versions')").pluck().all()).toEqual([
      'guide_id',
      'version',
      'content',
      'stored_at',
    ]);
  });

  it('refuses a run without its stored guide version, an unknown state, outcome or reason', () => {
    const db = migrated();
    expect(() => insertRun(db)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO guide_versions VALUES ('g', '1.0.0', '{}', ?)").run(NOW);
    insertRun(db);
    expect(() => insertRun(db, { id: 'run-2', state: 'sleeping' })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE guide_runs SET outcome = 'great'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE guide_runs SET outcome_reason = 'tired'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE guide_runs SET steps = 'not json'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT missing_prerequisites, steps, session_id FROM guide_runs').get()).toEqual({
      missing_prerequisites: '[]',
      steps: '[]',
      session_id: null,
    });
  });

  it('serves "runs to resume" from the state index', () => {
    const db = migrated();
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM guide_runs WHERE state IN ('checklist', 'running', 'paused') ORDER BY updated_at DESC",
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX guide_runs_state_updated/);
  });
});
