import type { Migration } from '../migrate.ts';

/**
 * Facts about this installation. `device_id` identifies the desk to the hub (sync issue);
 * it is made here, once, so it never changes with a reinstall of settings.
 */
export const appMeta: Migration = {
  version: 10,
  name: 'app-meta',
  up: (db) => {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)');
    insert.run('device_id', crypto.randomUUID());
    insert.run('created_at', new Date().toISOString());
  },
};
