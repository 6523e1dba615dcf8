import type { Migration } from '../migrate.ts';

/**
 * Citizens. Identifying fields (*_enc) are AES-256-GCM ciphertexts; a returning citizen is found
 * by `cf_hash`, a keyed HMAC of the codice fiscale, never by the clear value. Birth year, gender
 * and the Facilita codes stay in clear so dashboards need no decryption. `erased_at` marks an
 * erasure (rights request or retention): the identifying columns are then NULL.
 */
export const citizens: Migration = {
  version: 50,
  name: 'citizens',
  up: (db) => {
    db.exec(`
      CREATE TABLE citizens (
        id              TEXT PRIMARY KEY NOT NULL,
        version         INTEGER NOT NULL CHECK (version >= 1),
        cf_hash         TEXT UNIQUE,
        cf_enc          TEXT,
        first_name_enc  TEXT,
        last_name_enc   TEXT,
        email_enc       TEXT,
        phone_enc       TEXT,
        birth_year      INTEGER,
        gender          TEXT CHECK (gender IN ('A', 'B', 'C', 'D')),
        education       TEXT NOT NULL,
        occupation      TEXT NOT NULL,
        citizenship     TEXT NOT NULL,
        province        TEXT NOT NULL,
        consent_method  TEXT NOT NULL CHECK (consent_method IN ('paper', 'online', 'email')),
        consent_date    TEXT NOT NULL,
        created_by      TEXT NOT NULL REFERENCES operators (id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        erased_at       TEXT,
        synced_version  INTEGER
      ) STRICT;
    `);
  },
};
