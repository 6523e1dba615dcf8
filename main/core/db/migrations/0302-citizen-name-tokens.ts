import type { Migration } from '../migrate.ts';

/**
 * A blind index of citizens' names: one keyed hash (HMAC, purpose `citizen.name_token`) per
 * normalised token of the first name and surname, so a returning citizen is found by surname and
 * name without any name stored or searched in clear. Citizens registered before this are indexed
 * once, on the first search (the index needs the desk's key, which a migration does not have).
 */
export const citizenNameTokens: Migration = {
  version: 302,
  name: 'citizen-name-tokens',
  up: (db) => {
    db.exec(`
      CREATE TABLE citizen_name_tokens (
        token_hash TEXT NOT NULL,
        citizen_id TEXT NOT NULL REFERENCES citizens(id),
        PRIMARY KEY (token_hash, citizen_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX citizen_name_tokens_by_citizen ON citizen_name_tokens (citizen_id);
    `);
  },
};
