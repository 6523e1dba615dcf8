import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/** What a journal database says about its key, read before anything may be encrypted with one. */
export interface JournalKeyRecord {
  exists: boolean;
  /** The fingerprint of the key the journal was made with; null before one was recorded. */
  keyId: string | null;
  /** Whether the journal already holds people (operators or citizens): data under some key. */
  hasData: boolean;
}

const KEY_ID = 'key_id';
const CONFIRMED_AT = 'recovery_confirmed_at';

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const metaOf = (db: Database.Database, key: string): string | null =>
  hasTable(db, 'app_meta')
    ? ((db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
      null)
    : null;

export const journalKeyRecordOf = (db: Database.Database): JournalKeyRecord => ({
  exists: true,
  keyId: metaOf(db, KEY_ID),
  hasData: ['operators', 'citizens'].some(
    (table) => hasTable(db, table) && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined,
  ),
});

/**
 * The same, from the file, read-only, before the core opens it. A file that cannot be read is
 * taken as holding data: never make a new key over a journal we could not look into.
 */
export const inspectJournalKey = (file: string): JournalKeyRecord => {
  if (!existsSync(file)) return { exists: false, keyId: null, hasData: false };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return journalKeyRecordOf(db);
  } catch {
    return { exists: true, keyId: null, hasData: true };
  } finally {
    db?.close();
  }
};

/** A journal with nothing under any key yet: the only case where a new key may be made. */
export const isFreshJournal = (record: JournalKeyRecord): boolean =>
  !record.exists || (record.keyId === null && !record.hasData);

export const recordKeyId = (db: Database.Database, keyId: string): void => {
  db.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY_ID, keyId);
  // A new key id means any earlier confirmation was for another key.
  db.prepare('DELETE FROM app_meta WHERE key = ?').run(CONFIRMED_AT);
};

export const recoveryConfirmedAt = (db: Database.Database): string | null => metaOf(db, CONFIRMED_AT);

export const recordRecoveryConfirmed = (db: Database.Database, at: Date): void => {
  db.prepare('INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)').run(CONFIRMED_AT, at.toISOString());
};
