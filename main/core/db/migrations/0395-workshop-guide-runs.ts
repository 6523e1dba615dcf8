import type { Migration } from '../migrate.ts';

/** The guide runs a trainer projected during a workshop (ids, newest last), like a session's guide_run_ids. */
export const workshopGuideRuns: Migration = {
  version: 395,
  name: 'workshop-guide-runs',
  up: (db) => {
    db.exec(`ALTER TABLE workshops ADD COLUMN guide_run_ids TEXT NOT NULL DEFAULT '[]'`);
  },
};
