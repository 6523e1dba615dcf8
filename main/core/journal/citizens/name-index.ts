import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { prepared } from '../../db/statements.ts';
import { findRow } from '../records/record-kit.ts';
import { CITIZEN, nameTokenHash, openCitizenField, writeNameTokens } from '../records/citizen.ts';
import { queryTokens } from './name-tokens.ts';

const BUILT = 'citizen_name_tokens_built';
const MAX_MATCHES = 50;

/**
 * Citizens registered before the name index existed are indexed once, from their decrypted names,
 * the first time anyone searches by name (a migration has no key; start-up should not wait).
 */
const ensureNameIndex = (db: Database, cipher: FieldCipher): void => {
  if (prepared(db, 'SELECT 1 FROM app_meta WHERE key = ?').get(BUILT)) return;
  db.transaction(() => {
    const ids = db.prepare('SELECT id FROM citizens WHERE erased_at IS NULL').pluck().all() as string[];
    for (const id of ids) {
      const row = findRow(db, CITIZEN, id);
      if (!row) continue;
      writeNameTokens(db, cipher, id, {
        firstName: openCitizenField(cipher, id, 'first_name', row.first_name_enc),
        lastName: openCitizenField(cipher, id, 'last_name', row.last_name_enc),
      });
    }
    db.prepare('INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)').run(BUILT, '1');
  })();
};

/**
 * The citizens every typed word matches ("rossi maria", "D'Angelo"), found through the blind index
 * alone: the words are hashed with the desk's key and compared with stored hashes, never with names.
 */
export const citizensByName = (db: Database, cipher: FieldCipher, text: string): string[] => {
  const tokens = queryTokens(text);
  if (tokens.length === 0) return [];
  ensureNameIndex(db, cipher);
  const hashes = tokens.map((token) => nameTokenHash(cipher, token));
  return db
    .prepare(
      `SELECT citizen_id FROM citizen_name_tokens WHERE token_hash IN (${hashes.map(() => '?').join(', ')})
        GROUP BY citizen_id HAVING count(*) = ? LIMIT ${MAX_MATCHES}`,
    )
    .pluck()
    .all(...hashes, hashes.length) as string[];
};
