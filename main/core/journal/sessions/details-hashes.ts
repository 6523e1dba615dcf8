import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { prepared } from '../../db/statements.ts';
import { openSessionDetails, sessionDetailsHash } from '../records/session.ts';

/** Set once every session's SE7 hash follows Facilita's cleaning (quotes, spaces, case). */
const REHASHED = 'session_details_hash_cleaned';

/**
 * Sessions saved before the duplicate rule compared SE7 as Facilita stores it kept a hash of the
 * raw text, so a service typed again with other quotes or case slipped past the check. They are
 * hashed again once, from their decrypted SE7, before the first duplicate check that needs them (a
 * migration has no key; start-up should not wait). A new journal has nothing to redo.
 */
export const ensureCleanDetailsHashes = (db: Database, cipher: FieldCipher): void => {
  if (prepared(db, 'SELECT 1 FROM app_meta WHERE key = ?').get(REHASHED)) return;
  db.transaction(() => {
    const update = db.prepare('UPDATE sessions SET details_hash = ? WHERE rowid = ?');
    const rows = db.prepare('SELECT rowid, id, details_enc, details_hash FROM sessions').iterate() as IterableIterator<{
      rowid: number;
      id: string;
      details_enc: string | null;
      details_hash: string;
    }>;
    const changed: [string, number][] = [];
    for (const row of rows) {
      const hash = sessionDetailsHash(cipher, openSessionDetails(cipher, row.id, row.details_enc));
      if (hash !== row.details_hash) changed.push([hash, row.rowid]);
    }
    for (const [hash, rowid] of changed) update.run(hash, rowid);
    db.prepare('INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)').run(REHASHED, '1');
  })();
};
