import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { schemaVersionOf } from './migrate.ts';

export type Inspection =
  | { kind: 'missing' }
  | { kind: 'healthy'; schemaVersion: number }
  | { kind: 'tooNew'; schemaVersion: number }
  | { kind: 'damaged'; reason: string };

const MAX_REASON_LINES = 5;

/**
 * Looks at a database file read-only, before anything may write to it: a file from a newer
 * version or a damaged one must be left exactly as it is for the person to decide.
 */
export const inspectDatabase = (file: string, latestVersion: number): Inspection => {
  if (!existsSync(file)) return { kind: 'missing' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const schemaVersion = schemaVersionOf(db);
    if (schemaVersion > latestVersion) return { kind: 'tooNew', schemaVersion };
    const problems = (db.pragma(`integrity_check(${MAX_REASON_LINES})`) as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (problems.length !== 1 || problems[0] !== 'ok') return { kind: 'damaged', reason: problems.join('; ') };
    return { kind: 'healthy', schemaVersion };
  } catch (error) {
    // SQLITE_NOTADB, SQLITE_CORRUPT…: the code says enough and carries no content of the file.
    const code = (error as { code?: unknown }).code;
    return { kind: 'damaged', reason: typeof code === 'string' ? code : 'unreadable' };
  } finally {
    db?.close();
  }
};
