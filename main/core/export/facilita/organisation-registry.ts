import type { Database } from 'better-sqlite3';
import type { EarlierExport } from '../../../../shared/facilita/already-exported.ts';
import { HubExportFeedPayload, parseServiceKey, serviceKey } from '../../../../shared/sync-protocol/exports.ts';
import type { ExportReports, FeedApplier } from '../../sync/synced-tables.ts';

/**
 * This desk's side of the organisation's one Facilita registry (docs/architecture.md §4): its own
 * exports go up to the hub once it is enrolled (each until the hub answered), and the hub's exports
 * of this site come down the feed into the same tables, so a service goes to Facilita once,
 * whichever side exports it. The sync engine reaches these only through `ExportReports` and the
 * feed applier of kind `facilitaExport`.
 */
export const exportRegistrySync = (db: () => Database): ExportReports & { applyHubExport: FeedApplier } => ({
  unreported() {
    const rows = db()
      .prepare(
        `SELECT id, created_at, created_by, period_from, period_to, files FROM facilita_exports
          WHERE origin = 'desk' AND state = 'complete' AND hub_state IS NULL ORDER BY created_at, id`,
      )
      .all() as {
      id: string;
      created_at: string;
      created_by: string | null;
      period_from: string;
      period_to: string;
      files: string;
    }[];
    const services = db().prepare(
      'SELECT record_kind, record_id FROM facilita_export_rows WHERE export_id = ? ORDER BY rowid',
    );
    return rows.map((row) => ({
      exportId: row.id,
      createdAt: row.created_at,
      createdBy: row.created_by,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      files: (JSON.parse(row.files) as { name: string; rows: number; sha256: string }[]).map((file) => ({
        filename: file.name,
        rows: file.rows,
        sha256: file.sha256,
      })),
      services: (services.all(row.id) as { record_kind: 'session' | 'workshopParticipant'; record_id: string }[]).map(
        (service) => serviceKey(service.record_kind, service.record_id),
      ),
    }));
  },

  conflicts: () =>
    db()
      .prepare(
        "SELECT count(*) FROM facilita_exports WHERE origin = 'desk' AND hub_state = 'conflict' AND uploaded_at IS NULL",
      )
      .pluck()
      .get() as number,

  reported(answer) {
    db()
      .prepare('UPDATE facilita_exports SET hub_state = ?, hub_recorded_at = ?, hub_conflict = ? WHERE id = ?')
      .run(
        answer.outcome === 'conflict' ? 'conflict' : 'recorded',
        answer.recordedAt,
        answer.conflict ? JSON.stringify(answer.conflict) : null,
        answer.exportId,
      );
  },

  applyHubExport(item) {
    const parsed = HubExportFeedPayload.safeParse(item.payload);
    if (item.deleted || !parsed.success) return;
    const hub = parsed.data;
    const inserted = db()
      .prepare(
        `INSERT OR IGNORE INTO facilita_exports (id, created_at, created_by, period_from, period_to, folder, files,
           row_count, rejected_count, state, origin, hub_state, hub_recorded_at)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, 0, 'complete', 'hub', 'recorded', ?)`,
      )
      .run(
        hub.exportId,
        hub.createdAt,
        hub.createdBy,
        hub.periodFrom,
        hub.periodTo,
        JSON.stringify(
          hub.files.map((file) => ({ name: file.filename, archive: '', rows: file.rows, sha256: file.sha256 })),
        ),
        hub.services.length,
        hub.createdAt,
      );
    if (inserted.changes === 0) return;
    // No duplicate key: the hub keeps none (it would hold the codice fiscale); '' matches no keyed hash.
    const row = db().prepare(
      `INSERT OR IGNORE INTO facilita_export_rows (export_id, record_id, record_kind, duplicate_key, file_part)
       VALUES (?, ?, ?, '', 0)`,
    );
    // Exported is exported, whichever side did it: retention may now clear these services here too.
    const session = db().prepare('UPDATE sessions SET exported_at = coalesce(exported_at, ?) WHERE id = ?');
    const workshop = db().prepare(
      `UPDATE workshops SET exported_at = coalesce(exported_at, ?)
        WHERE id = (SELECT workshop_id FROM workshop_participants WHERE id = ?)`,
    );
    for (const key of hub.services) {
      const service = parseServiceKey(key);
      row.run(hub.exportId, service.recordId, service.kind);
      (service.kind === 'session' ? session : workshop).run(hub.createdAt, service.recordId);
    }
  },
});

/**
 * The exports holding the services an export left out (`counts`: export id → how many), as the
 * "nothing to export" sentence names them: the hub (with the name typed there), or this desk (with
 * the operator's name).
 */
export const earlierExportsOf = (db: Database, counts: ReadonlyMap<string, number>): EarlierExport[] => {
  const read = db.prepare(
    `SELECT e.origin, e.created_at, e.created_by, o.name AS operator FROM facilita_exports e
       LEFT JOIN operators o ON o.id = e.created_by WHERE e.id = ?`,
  );
  const earlier: EarlierExport[] = [];
  for (const [id, services] of counts) {
    const row = read.get(id) as
      { origin: 'desk' | 'hub'; created_at: string; created_by: string | null; operator: string | null } | undefined;
    if (!row) continue;
    earlier.push({
      origin: row.origin === 'hub' ? 'hub' : 'here',
      at: row.created_at,
      by: row.origin === 'hub' ? row.created_by : row.operator,
      services,
    });
  }
  return earlier;
};
