import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf, type Migration } from '../../../main/core/db/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/db/migrations/index.ts';
import { applyPragmas } from '../../../main/core/db/pragmas.ts';
import { tempDataDir } from '../../support/host-process.ts';

const freshDatabase = () => {
  const db = new Database(join(tempDataDir('migrate'), 'test.sqlite'));
  applyPragmas(db);
  return db;
};

describe('migrations', () => {
  it('are numbered, strictly increasing and unique', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('bring a new database to the latest schema and record it in user_version', () => {
    const db = freshDatabase();
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('0010 creates the installation facts, including a stable device id', () => {
    const db = freshDatabase();
    migrate(db, MIGRATIONS);
    const deviceId = db.prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get() as string;
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('apply all pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const db = freshDatabase();
    const broken: Migration[] = [
      { version: 10, name: 'good', up: (handle) => handle.exec('CREATE TABLE kept_only_if_all_succeed (x)') },
      { version: 20, name: 'bad', up: (handle) => handle.exec('THIS IS NOT SQL') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersionOf(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'kept_only_if_all_succeed'").pluck().get()).toBe(
      0,
    );
  });

  it('set the pragmas the journal needs (WAL, synchronous=FULL, foreign keys)', () => {
    const db = freshDatabase();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
