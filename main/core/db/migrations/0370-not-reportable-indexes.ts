import type { Migration } from '../migrate.ts';

/**
 * What the dashboards' "not reportable" figure reads (main/core/export/facilita/not-reportable.ts),
 * without touching the wide rows: the sessions saved unreportable, as a small partial index that
 * covers the date and the citizen (the export preview's list also takes the id from it); and the
 * erased citizens, few, found without reading every citizen.
 */
export const notReportableIndexes: Migration = {
  version: 370,
  name: 'not-reportable-indexes',
  up: (db) => {
    db.exec(`
      CREATE INDEX sessions_not_reportable ON sessions (date, citizen_id, id) WHERE deleted_at IS NULL AND reportable = 0;
      CREATE INDEX citizens_erased ON citizens (id) WHERE erased_at IS NOT NULL;
    `);
  },
};
