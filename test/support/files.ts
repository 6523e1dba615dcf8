import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

export const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Writes a real SQLite file claiming a schema version this build does not know. */
export const writeFutureDatabase = (file: string, version: number): void => {
  const db = new Database(file);
  db.exec('CREATE TABLE from_the_future (x TEXT)');
  db.pragma(`user_version = ${version}`);
  db.close();
};
