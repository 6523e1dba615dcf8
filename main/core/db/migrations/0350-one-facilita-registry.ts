import type { Migration } from '../migrate.ts';

/**
 * One Facilita registry for the organisation. `origin`: 'desk' for this desk's exports, 'hub' for
 * the hub's exports of this site that came down the feed (no files here: `folder` is empty; their
 * rows have no duplicate key). `hub_state`: null until the hub heard of this desk's export, then
 * 'recorded', or 'conflict' when the hub had recorded an export of some of the same services first
 * (`hub_conflict`, the hub's answer as JSON: how many services, which export, when, by whom).
 */
export const oneFacilitaRegistry: Migration = {
  version: 350,
  name: 'one-facilita-registry',
  up: (db) => {
    db.exec(`
      ALTER TABLE facilita_exports ADD COLUMN origin TEXT NOT NULL DEFAULT 'desk' CHECK (origin IN ('desk', 'hub'));
      ALTER TABLE facilita_exports ADD COLUMN hub_state TEXT CHECK (hub_state IN ('recorded', 'conflict'));
      ALTER TABLE facilita_exports ADD COLUMN hub_recorded_at TEXT;
      ALTER TABLE facilita_exports ADD COLUMN hub_conflict TEXT;
    `);
  },
};
