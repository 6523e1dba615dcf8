import type { DeskExportAnswer, DeskExportReport } from '../../shared/sync-protocol/exports.ts';
import { parseServiceKey } from '../../shared/sync-protocol/exports.ts';
import type { AuthenticatedDevice } from '../auth.ts';
import type { HubDatabase, Queryable } from '../db/database.ts';
import { isoOrNull } from '../db/row-values.ts';
import { HubFailure } from '../failure.ts';
import { lockExports } from './registry.ts';

type Conflict = DeskExportAnswer['conflict'];

/**
 * The earliest export the hub recorded that holds any of these services, and how many of them it
 * holds across every earlier export. "Earliest recorded" is the hub's order (its `recorded_at`),
 * never the desks' clocks: whoever reached the hub first holds the services.
 */
const earlierHolder = async (tx: Queryable, organisationId: string, services: string[]): Promise<Conflict> => {
  const [row] = await tx.query<{
    export_id: string;
    origin: 'hub' | 'desk';
    created_at: unknown;
    by: string | null;
    services: number;
  }>(
    `WITH asked AS (
       SELECT DISTINCT split_part(key, ':', 1) AS kind, substr(key, strpos(key, ':') + 1) AS id
         FROM jsonb_array_elements_text($2::jsonb) AS key),
     held AS (
       SELECT r.export_id, r.record_kind, r.record_id FROM facilita_export_rows r
         JOIN asked a ON a.kind = r.record_kind AND a.id = r.record_id
        WHERE r.organisation_id = $1)
     SELECT e.id AS export_id, e.origin, e.created_at,
            CASE WHEN e.origin = 'hub' THEN e.created_by ELSE d.name END AS by,
            (SELECT count(DISTINCT (record_kind, record_id))::int FROM held) AS services
       FROM facilita_exports e LEFT JOIN devices d ON d.id = e.device_id
      WHERE e.id IN (SELECT export_id FROM held)
      ORDER BY e.recorded_at, e.id LIMIT 1`,
    [organisationId, JSON.stringify(services)],
  );
  if (!row) return null;
  return {
    services: Number(row.services),
    exportId: row.export_id,
    origin: row.origin,
    exportedAt: isoOrNull(row.created_at) ?? '',
    by: row.by,
  };
};

/**
 * A desk reports only its own site's services, and nothing once it reported demo data: otherwise a
 * desk could keep another site's services out of the hub's export (the push's site rule, site-scope.ts).
 */
const refuseWhatIsNotItsOwn = async (tx: Queryable, device: AuthenticatedDevice, services: string[]) => {
  const [state] = await tx.query<{ demo: boolean }>('SELECT demo FROM devices WHERE id = $1', [device.id]);
  if (state?.demo) throw new HubFailure('FORBIDDEN', 'This desk holds demo data: its exports are not recorded');
  const [foreign] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM records r
       JOIN jsonb_array_elements_text($3::jsonb) AS key
         ON r.entity = CASE WHEN split_part(key, ':', 1) = 'session' THEN 'session' ELSE 'participant' END
        AND r.record_id = substr(key, strpos(key, ':') + 1)
      WHERE r.organisation_id = $1 AND r.site_id <> $2`,
    [device.organisationId, device.siteId, JSON.stringify(services)],
  );
  if (Number(foreign?.n ?? 0) > 0)
    throw new HubFailure('FORBIDDEN', `${foreign?.n} of these services belong to another site`);
};

const answerOf = (row: { id: string; recorded_at: unknown; conflict: Conflict }): DeskExportAnswer => ({
  exportId: row.id,
  outcome: row.conflict ? 'conflict' : 'recorded',
  recordedAt: isoOrNull(row.recorded_at) ?? '',
  conflict: row.conflict ?? null,
});

/**
 * Records an export a desk made in the organisation's registry, so the hub's next export leaves its
 * services out. Idempotent by export id (a desk that lost the answer reports again and gets the
 * same one). Its services already in an export the hub recorded first make it a conflict: it is
 * recorded all the same (the file may be in Facilita already) and the desk is told which export.
 */
export const recordDeskExport = (
  db: HubDatabase,
  device: AuthenticatedDevice,
  report: DeskExportReport,
): Promise<DeskExportAnswer> => {
  if (report.periodFrom > report.periodTo)
    throw new HubFailure('VALIDATION', 'The period ends before it starts', [
      { path: 'periodTo', message: 'the period ends before it starts' },
    ]);
  return db.transaction(async (tx) => {
    await lockExports(tx, device.organisationId);
    const [known] = await tx.query<{ id: string; device_id: string | null; recorded_at: unknown; conflict: Conflict }>(
      'SELECT id, device_id, recorded_at, conflict FROM facilita_exports WHERE id = $1',
      [report.exportId],
    );
    if (known) {
      if (known.device_id !== device.id) throw new HubFailure('FORBIDDEN', 'This export id belongs to another export');
      return answerOf(known);
    }
    await refuseWhatIsNotItsOwn(tx, device, report.services);
    const conflict = await earlierHolder(tx, device.organisationId, report.services);
    const [recorded] = await tx.query<{ id: string; recorded_at: unknown; conflict: Conflict }>(
      `INSERT INTO facilita_exports (id, organisation_id, period_from, period_to, created_at, created_by,
         include_exported, files, row_count, rejected_count, skipped_count, origin, device_id, conflict)
       VALUES ($1, $2, $3, $4, $5, $6, false, $7::jsonb, $8, 0, 0, 'desk', $9, $10::jsonb)
       RETURNING id, recorded_at, conflict`,
      [
        report.exportId,
        device.organisationId,
        report.periodFrom,
        report.periodTo,
        Number.isNaN(Date.parse(report.createdAt)) ? new Date().toISOString() : report.createdAt,
        report.createdBy,
        JSON.stringify(report.files),
        report.files.reduce((sum, file) => sum + file.rows, 0),
        device.id,
        conflict ? JSON.stringify(conflict) : null,
      ],
    );
    await tx.query(
      `INSERT INTO facilita_export_rows (organisation_id, export_id, record_kind, record_id)
       SELECT DISTINCT $1::uuid, $2::uuid, r.kind, r.id FROM jsonb_to_recordset($3::jsonb) AS r(kind text, id text)`,
      [
        device.organisationId,
        report.exportId,
        JSON.stringify(
          report.services.map((key) => ({ kind: parseServiceKey(key).kind, id: parseServiceKey(key).recordId })),
        ),
      ],
    );
    return answerOf(recorded as { id: string; recorded_at: unknown; conflict: Conflict });
  });
};
