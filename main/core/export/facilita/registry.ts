import type { Database } from 'better-sqlite3';
import type { EarlierExport } from '../../../../shared/facilita/already-exported.ts';
import type { DeskExportAnswer } from '../../../../shared/sync-protocol/exports.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import type { ArchiveFacts } from './archive-pdf.ts';
import type { ExportPart } from './build-export.ts';
import { earlierExportsOf } from './organisation-registry.ts';
import { writeRowsInBackground } from './background-writes.ts';

export interface ExportEntry {
  id: string;
  createdAt: string;
  createdBy: string | null;
  periodFrom: string;
  periodTo: string;
  folder: string;
  /** `facts`: what the archive PDF states, kept so the PDF can be made when it is asked for. */
  files: { name: string; archive: string; rows: number; sha256: string; facts?: ArchiveFacts }[];
  rowCount: number;
  rejectedCount: number;
  uploadedAt: string | null;
  uploadedBy: string | null;
  /** The export whose discarded rows this one sends again, corrected; null for a plain export. */
  rectifies: string | null;
  /** 'hub': an export the hub made of this site's services (from the feed; its files are at the hub). */
  origin: 'desk' | 'hub';
  /** What the hub made of this desk's export: not told yet, recorded, or a conflict with an earlier export. */
  hub: { state: 'pending' | 'recorded' | 'conflict'; recordedAt: string | null; conflict: HubConflict | null };
}

type HubConflict = NonNullable<DeskExportAnswer['conflict']>;

interface ExportRow {
  id: string;
  created_at: string;
  created_by: string | null;
  period_from: string;
  period_to: string;
  folder: string;
  files: string;
  row_count: number;
  rejected_count: number;
  uploaded_at: string | null;
  uploaded_by: string | null;
  rectifies: string | null;
  origin: 'desk' | 'hub';
  hub_state: 'recorded' | 'conflict' | null;
  hub_recorded_at: string | null;
  hub_conflict: string | null;
}

const DUPLICATE_KEY_PURPOSE = 'facilita-duplicate-key';
const INSERT_ROW_SQL =
  'INSERT INTO facilita_export_rows (export_id, record_id, record_kind, duplicate_key, file_part) VALUES (?, ?, ?, ?, ?)';

const toEntry = (row: ExportRow): ExportEntry => ({
  id: row.id,
  createdAt: row.created_at,
  createdBy: row.created_by,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  folder: row.folder,
  files: JSON.parse(row.files) as ExportEntry['files'],
  rowCount: row.row_count,
  rejectedCount: row.rejected_count,
  uploadedAt: row.uploaded_at,
  uploadedBy: row.uploaded_by,
  rectifies: row.rectifies,
  origin: row.origin,
  hub: {
    state: row.hub_state ?? 'pending',
    recordedAt: row.hub_recorded_at,
    conflict: row.hub_conflict ? (JSON.parse(row.hub_conflict) as HubConflict) : null,
  },
});

/** What was exported, so a later export of the same period repeats no row (unless asked) and no duplicate. */
export class ExportRegistry {
  readonly #db: Database;
  readonly #cipher: FieldCipher;
  constructor(db: Database, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
  }

  /**
   * What earlier exports hold, read once into memory: an export asks about every record of its period
   * (100k questions for a large one), and two set look-ups cost far less than two queries each.
   */
  snapshot(): {
    wasExported(recordId: string): boolean;
    /** The export holding the record (the desk's own, or the hub's), if any. */
    holderOf(recordId: string): string | undefined;
    hasDuplicateKey(key: string): boolean;
  } {
    const complete = `FROM facilita_export_rows r JOIN facilita_exports e ON e.id = r.export_id WHERE e.state = 'complete'`;
    // Record id → an export holding it (any one: "nothing to export" names the one holding most).
    const holders = new Map(
      this.#db.prepare(`SELECT r.record_id, r.export_id ${complete}`).raw().all() as [string, string][],
    );
    const keys = new Set(this.#db.prepare(`SELECT r.duplicate_key ${complete}`).pluck().all() as string[]);
    return {
      wasExported: (recordId) => holders.has(recordId),
      holderOf: (recordId) => holders.get(recordId),
      hasDuplicateKey: (key) => keys.size > 0 && keys.has(this.#cipher.lookupHash(key, DUPLICATE_KEY_PURPOSE)),
    };
  }

  /**
   * Records the export and every row in it: all of it or none. The export goes in with the first
   * rows and is marked complete with the last (see background-writes.ts); until then it is marked
   * 'writing', which nothing counts. A failure removes what was written.
   */
  async record(
    entry: Omit<ExportEntry, 'uploadedAt' | 'uploadedBy' | 'rectifies' | 'origin' | 'hub'> & {
      rectifies?: string | null;
    },
    files: readonly ExportPart[],
  ): Promise<void> {
    const header = {
      sql: `INSERT INTO facilita_exports (id, created_at, created_by, period_from, period_to, folder, files, row_count,
              rejected_count, rectifies)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      values: [
        entry.id,
        entry.createdAt,
        entry.createdBy,
        entry.periodFrom,
        entry.periodTo,
        entry.folder,
        JSON.stringify(entry.files),
        entry.rowCount,
        entry.rejectedCount,
        entry.rectifies ?? null,
      ],
    };
    const cipher = this.#cipher;
    function* rows(): Generator<unknown[]> {
      for (const file of files)
        for (let index = 0; index < file.recordIds.length; index += 1)
          yield [
            entry.id,
            file.recordIds[index],
            file.recordKinds[index] ?? 'session',
            cipher.lookupHash(file.duplicateKeys[index] ?? '', DUPLICATE_KEY_PURPOSE),
            file.part,
          ];
    }
    try {
      // Under an export still marked 'writing', on a worker's connection (see background-writes.ts).
      await writeRowsInBackground(this.#db, INSERT_ROW_SQL, rows(), {
        first: header,
        last: { sql: "UPDATE facilita_exports SET state = 'complete' WHERE id = ?", values: [entry.id] },
      });
    } catch (error) {
      this.#forget(entry.id);
      throw error;
    }
  }

  /** Removes exports a crash left half-recorded (their files were already removed or never kept). */
  removeInterrupted(): number {
    const ids = this.#db.prepare("SELECT id FROM facilita_exports WHERE state = 'writing'").pluck().all() as string[];
    for (const id of ids) this.#forget(id);
    return ids.length;
  }

  #forget(id: string): void {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM facilita_export_rows WHERE export_id = ?').run(id);
      this.#db.prepare('DELETE FROM facilita_exports WHERE id = ?').run(id);
    })();
  }

  /** The exports holding the services an export left out, for the sentence that says why. */
  earlierExports(counts: ReadonlyMap<string, number>): EarlierExport[] {
    return earlierExportsOf(this.#db, counts);
  }

  list(): ExportEntry[] {
    return (
      this.#db
        .prepare("SELECT * FROM facilita_exports WHERE state = 'complete' ORDER BY created_at DESC")
        .all() as ExportRow[]
    ).map(toEntry);
  }

  get(id: string): ExportEntry | null {
    const row = this.#db.prepare("SELECT * FROM facilita_exports WHERE id = ? AND state = 'complete'").get(id) as
      ExportRow | undefined;
    return row ? toEntry(row) : null;
  }

  /** The records of one file of an export, in the file's row order (rows were recorded in that order). */
  recordsOfFile(id: string, part: number): { recordId: string; kind: ExportPart['recordKinds'][number] }[] {
    return this.#db
      .prepare(
        'SELECT record_id AS recordId, record_kind AS kind FROM facilita_export_rows WHERE export_id = ? AND file_part = ? ORDER BY rowid',
      )
      .all(id, part) as { recordId: string; kind: ExportPart['recordKinds'][number] }[];
  }

  markUploaded(id: string, by: string | null, at: string): boolean {
    return (
      this.#db
        .prepare('UPDATE facilita_exports SET uploaded_at = ?, uploaded_by = ? WHERE id = ? AND uploaded_at IS NULL')
        .run(at, by, id).changes === 1
    );
  }
}
