import type { Database } from 'better-sqlite3';
import type { DiscardReason } from '../../../../shared/domain/facilita-export/facilita-export-options.ts';
import type { FacilitaServiceRecord } from './record.ts';

export interface DiscardedService {
  recordId: string;
  recordKind: FacilitaServiceRecord['recordKind'];
  parentId?: string;
  fileName: string;
  rowNumber: number;
  reason: DiscardReason;
  note: string;
  /** Something the row is made of (the service, the citizen, the operator, the site) was edited since. */
  fixed: boolean;
  /** Sent again in a rectification export. */
  resent: boolean;
}

export interface Reconciliation {
  sent: number;
  /** Null until Facilita's discard report is imported: until then nobody knows. */
  loaded: number | null;
  discarded: number;
  fixed: number;
  sentAgain: number;
}

/** Reasons fixed in Facilita itself (register the person or the site there), not in the desk's data. */
export const FIXED_IN_FACILITA: readonly DiscardReason[] = ['facilitatorNotFound', 'siteNotFound', 'afterCutoff'];

/**
 * One number that grows whenever anything a row is made of is edited: its service, its citizen, its
 * operator, the site. Compared with the number at import, it tells a corrected row from one left as is.
 */
const REVISION_SQL = `
  SELECT s.version + c.version + o.version + (SELECT version FROM site) AS revision, NULL AS parent
    FROM sessions s JOIN citizens c ON c.id = s.citizen_id JOIN operators o ON o.id = s.operator_id
   WHERE s.id = @id AND @kind = 'session'
  UNION ALL
  SELECT w.version + c.version + o.version + (SELECT version FROM site), w.id
    FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id
    JOIN citizens c ON c.id = p.citizen_id JOIN operators o ON o.id = w.trainer_id
   WHERE p.id = @id AND @kind = 'workshopParticipant'`;

interface DiscardRow {
  record_id: string;
  record_kind: FacilitaServiceRecord['recordKind'];
  file_name: string;
  row_number: number;
  reason: DiscardReason;
  note: string;
  version_at_import: number;
  resent_export_id: string | null;
}

/** The services Facilita discarded from each export, and what became of them. */
export class DiscardStore {
  readonly #db: Database;
  constructor(db: Database) {
    this.#db = db;
  }

  #revision(id: string, kind: string): { revision: number; parent: string | null } | undefined {
    return this.#db.prepare(REVISION_SQL).get({ id, kind }) as { revision: number; parent: string | null } | undefined;
  }

  /** Replaces what an earlier import of the same file said (a report imported twice counts once). */
  record(
    exportId: string,
    fileName: string,
    rows: readonly { recordId: string; kind: string; rowNumber: number; reason: DiscardReason; note: string }[],
    at: string,
  ): void {
    const insert = this.#db.prepare(
      `INSERT INTO facilita_discards (export_id, record_id, record_kind, file_name, row_number, reason, note,
         version_at_import, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (export_id, record_id) DO UPDATE SET row_number = excluded.row_number, reason = excluded.reason,
         note = excluded.note, imported_at = excluded.imported_at`,
    );
    this.#db.transaction(() => {
      this.#db.prepare('UPDATE facilita_exports SET discards_imported_at = ? WHERE id = ?').run(at, exportId);
      this.#db
        .prepare('DELETE FROM facilita_discards WHERE export_id = ? AND file_name = ? AND resent_export_id IS NULL')
        .run(exportId, fileName);
      for (const row of rows) {
        const revision = this.#revision(row.recordId, row.kind)?.revision ?? 0;
        insert.run(exportId, row.recordId, row.kind, fileName, row.rowNumber, row.reason, row.note, revision, at);
      }
    })();
  }

  list(exportId: string): DiscardedService[] {
    const rows = this.#db
      .prepare('SELECT * FROM facilita_discards WHERE export_id = ? ORDER BY file_name, row_number')
      .all(exportId) as DiscardRow[];
    return rows.map((row) => {
      const now = this.#revision(row.record_id, row.record_kind);
      return {
        recordId: row.record_id,
        recordKind: row.record_kind,
        ...(now?.parent ? { parentId: now.parent } : {}),
        fileName: row.file_name,
        rowNumber: row.row_number,
        reason: row.reason,
        note: row.note,
        fixed: now !== undefined && now.revision > row.version_at_import,
        resent: row.resent_export_id !== null,
      };
    });
  }

  /** The discarded services a rectification file would hold: fixed here, or fixed in Facilita; not yet resent. */
  toResend(exportId: string): DiscardedService[] {
    return this.list(exportId).filter((row) => !row.resent && (row.fixed || FIXED_IN_FACILITA.includes(row.reason)));
  }

  markResent(exportId: string, recordIds: readonly string[], rectificationId: string): void {
    const update = this.#db.prepare(
      'UPDATE facilita_discards SET resent_export_id = ? WHERE export_id = ? AND record_id = ?',
    );
    this.#db.transaction(() => {
      for (const id of recordIds) update.run(rectificationId, exportId, id);
    })();
  }

  reconciliation(exportId: string, sent: number): Reconciliation {
    const imported = this.#db
      .prepare('SELECT count(*) FROM facilita_discards WHERE export_id = ?')
      .pluck()
      .get(exportId) as number;
    const list = imported > 0 ? this.list(exportId) : [];
    const reported =
      this.#db.prepare('SELECT discards_imported_at FROM facilita_exports WHERE id = ?').pluck().get(exportId) !== null;
    return {
      sent,
      loaded: imported > 0 || reported ? sent - imported : null,
      discarded: imported,
      fixed: list.filter((row) => row.fixed).length,
      sentAgain: list.filter((row) => row.resent).length,
    };
  }
}
