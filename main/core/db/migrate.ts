import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Numbered 10, 20, 30 … (Signal Desktop's habit) so a fix can slot in between. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const schemaVersionOf = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Applies every pending migration in ONE transaction: either the database moves to the newest
 * schema or it stays exactly as it was.
 */
export const migrate = (db: Database, migrations: readonly Migration[]): { from: number; to: number } => {
  const from = schemaVersionOf(db);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from, to: schemaVersionOf(db) };
};
