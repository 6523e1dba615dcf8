import type { Migration } from '../migrate.ts';

/**
 * Which journal records are demo data (fictional people for training): written by the demo fill
 * and the seed, so removing the demo data deletes exactly them and nothing a person entered.
 */
export const demoRecords: Migration = {
  version: 340,
  name: 'demo-records',
  up: (db) => {
    db.exec(`
      CREATE TABLE demo_records (
        entity    TEXT NOT NULL,
        record_id TEXT NOT NULL,
        PRIMARY KEY (entity, record_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
