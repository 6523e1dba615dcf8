import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/db/migrate.ts';
import { MIGRATIONS } from '../../../main/core/db/migrations/index.ts';
import { applyPragmas } from '../../../main/core/db/pragmas.ts';
import { tempDataDir } from '../../support/host-process.ts';

const JOURNAL_VERSIONS = [40, 50, 60, 70, 80];

const openAt = (version: number) => {
  const db = new Database(join(tempDataDir('journal-migrations'), 'test.sqlite'));
  applyPragmas(db);
  migrate(
    db,
    MIGRATIONS.filter((migration) => migration.version <= version),
  );
  return db;
};

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('journal migrations on a real database file', () => {
  for (const version of JOURNAL_VERSIONS) {
    it(`migration ${version} applies on top of the previous schema and passes the integrity check`, () => {
      const db = openAt(version - 10);
      const before = tables(db);
      migrate(db, MIGRATIONS);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(tables(db).length).toBeGreaterThan(before.length);
      db.close();
    });
  }

  it('keeps existing rows through the later migrations', () => {
    const db = openAt(40);
    db.prepare(
      `INSERT INTO operators (id, version, name, role, facilita_id_enc, facilita_name, secret_kind, secret_hash, created_at, updated_at)
       VALUES ('op', 1, 'Anna', 'coordinator', 'x', 'Verdi Anna', 'pin', 'h', 'now', 'now')`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT name FROM operators').pluck().get()).toBe('Anna');
    // The check constraints hold.
    expect(() =>
      db
        .prepare(
          `INSERT INTO sessions (id, version, operator_id, date, duration_min, se3, se5, se6, details_hash, outcome, reportable,
           created_by, created_at, updated_by, updated_at) VALUES ('s', 1, 'op', '2026-01-01', 0, 'A', '6', 'A', 'h', 'resolved', 0, 'op', 'now', 'op', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
