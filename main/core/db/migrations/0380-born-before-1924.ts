import type { Migration } from '../migrate.ts';

/**
 * Sessions of citizens born in 1923 or before were saved reportable, yet Facilita's server reads
 * their codice fiscale's two digits as 20yy and refuses every one of their rows. They are now saved
 * not reportable (citizen-store.ts): the sessions already logged follow. Frozen: the year is
 * written here, not imported, so this migration means the same whatever the rule becomes.
 */
export const bornBefore1924: Migration = {
  version: 380,
  name: 'born-before-1924',
  up: (db) => {
    db.exec(`
      UPDATE sessions SET reportable = 0
       WHERE reportable = 1 AND citizen_id IN (SELECT id FROM citizens WHERE birth_year <= 1923);
    `);
  },
};
