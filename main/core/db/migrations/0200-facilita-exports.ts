import type { Migration } from '../migrate.ts';

/**
 * The Facilita export registry: what was exported, when, by whom, which records, so a second export
 * of the same period does not repeat rows, and the referente can mark a file as uploaded.
 * `duplicate_key` is Facilita's duplicate-rule key (it holds the codice fiscale), stored only as a
 * keyed HMAC.
 */
export const facilitaExports: Migration = {
  version: 200,
  name: 'facilita-exports',
  up: (db) => {
    db.exec(`
      CREATE TABLE facilita_exports (
        id              TEXT PRIMARY KEY NOT NULL,
        created_at      TEXT NOT NULL,
        created_by      TEXT,
        period_from     TEXT NOT NULL,
        period_to       TEXT NOT NULL,
        folder          TEXT NOT NULL,
        files           TEXT NOT NULL,
        row_count       INTEGER NOT NULL,
        rejected_count  INTEGER NOT NULL,
        uploaded_at     TEXT,
        uploaded_by     TEXT,
        -- 'writing' while its rows are being recorded (in chunks, so no long stall); only
        -- 'complete' exports count. One left 'writing' by a crash is removed at the next start.
        state           TEXT NOT NULL DEFAULT 'writing' CHECK (state IN ('writing', 'complete'))
      ) STRICT;
      CREATE TABLE facilita_export_rows (
        export_id       TEXT NOT NULL REFERENCES facilita_exports (id),
        record_id       TEXT NOT NULL,
        record_kind     TEXT NOT NULL,
        duplicate_key   TEXT NOT NULL,
        file_part       INTEGER NOT NULL,
        PRIMARY KEY (export_id, record_id)
      ) STRICT;
      CREATE INDEX facilita_export_rows_by_record ON facilita_export_rows (record_id);
      CREATE INDEX facilita_export_rows_by_key ON facilita_export_rows (duplicate_key);
    `);
  },
};
