import type { Migration } from '../migrate.ts';

/**
 * A citizen registered on arrival at a workshop with just the codice fiscale (and the names, if
 * typed) has a profile to complete: `profile_complete = 0`. Until the citizen's page completes it,
 * the NOT NULL profile columns hold placeholders nothing reads ('' for the Facilita codes, the
 * province and the consent date; 'paper' for the consent method, which its CHECK requires), the
 * view shows them empty, and no service of theirs is reportable (reason `profileIncomplete`).
 * Every citizen saved before this had a complete profile.
 */
export const citizenProfilePending: Migration = {
  version: 396,
  name: 'citizen-profile-pending',
  up: (db) => {
    db.exec(`
      ALTER TABLE citizens ADD COLUMN profile_complete INTEGER NOT NULL DEFAULT 1 CHECK (profile_complete IN (0, 1));
    `);
  },
};
