import type { FacilitaExportEntry } from '../../shared/sync-protocol/admin.ts';
import type { Queryable } from '../db/database.ts';
import type { ArchiveOf } from './archives.ts';
import type { BuiltFile, RecordKind } from './facilita.ts';
import { isoOrNull } from '../db/row-values.ts';

/**
 * The hub's record of Facilita exports: which records went out in which export of an organisation,
 * and the files' exact text. Like the desk's registry (`main/core/export/facilita/registry.ts`),
 * it is what keeps a second export of a period from repeating rows.
 */
interface ExportRow {
  id: string;
  organisation_id: string;
  period_from: string;
  period_to: string;
  created_at: unknown;
  created_by: string | null;
  include_exported: boolean;
  files: FacilitaExportEntry['files'];
  row_count: number;
  rejected_count: number;
  skipped_count: number;
  uploaded_at: unknown;
  origin: 'hub' | 'desk';
  device_id: string | null;
  desk_name: string | null;
  conflict: FacilitaExportEntry['conflict'];
}

// Dates as text: node-postgres would turn a `date` into a local-midnight Date and shift the day.
const COLUMNS = `e.id, e.organisation_id, e.period_from::text AS period_from, e.period_to::text AS period_to,
  e.created_at, e.created_by, e.include_exported, e.files, e.row_count, e.rejected_count, e.skipped_count,
  e.uploaded_at, e.origin, e.device_id, d.name AS desk_name, e.conflict`;
const FROM = 'facilita_exports e LEFT JOIN devices d ON d.id = e.device_id';

const toEntry = (row: ExportRow): FacilitaExportEntry => ({
  id: row.id,
  organisationId: row.organisation_id,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  createdAt: isoOrNull(row.created_at) ?? '',
  createdBy: row.created_by,
  includeExported: row.include_exported,
  files: row.files,
  rowCount: Number(row.row_count),
  rejectedCount: Number(row.rejected_count),
  skippedAlreadyExported: Number(row.skipped_count),
  uploadedAt: isoOrNull(row.uploaded_at),
  origin: row.origin,
  deviceId: row.device_id,
  deskName: row.desk_name,
  conflict: row.conflict ?? null,
});

export const exportedKey = (kind: RecordKind, recordId: string) => `${kind}:${recordId}`;

/**
 * Every service an export of the organisation holds — the hub's and the desks' alike — with the
 * export that holds it, read once: an export asks about each record of its period.
 */
export const exportedRecords = async (db: Queryable, organisationId: string): Promise<Map<string, string>> => {
  const rows = await db.query<{ record_kind: RecordKind; record_id: string; export_id: string }>(
    'SELECT record_kind, record_id, export_id FROM facilita_export_rows WHERE organisation_id = $1',
    [organisationId],
  );
  return new Map(rows.map((row) => [exportedKey(row.record_kind, row.record_id), row.export_id]));
};

/** Grows with every export of the organisation (exports are never deleted): tells whether one was recorded since. */
export const exportCount = async (db: Queryable, organisationId: string): Promise<number> => {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM facilita_exports WHERE organisation_id = $1',
    [organisationId],
  );
  return Number(row?.n ?? 0);
};

/** Writes the export, its rows and its files; the caller runs it inside one transaction. */
export const recordExport = async (
  tx: Queryable,
  entry: Omit<
    FacilitaExportEntry,
    'files' | 'uploadedAt' | 'rowCount' | 'origin' | 'deviceId' | 'deskName' | 'conflict'
  >,
  files: readonly BuiltFile[],
  archives: readonly ArchiveOf[],
): Promise<void> => {
  const archiveOf = new Map(archives.map((archive) => [archive.filename, archive]));
  await tx.query(
    `INSERT INTO facilita_exports (id, organisation_id, period_from, period_to, created_at, created_by,
       include_exported, files, row_count, rejected_count, skipped_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11)`,
    [
      entry.id,
      entry.organisationId,
      entry.periodFrom,
      entry.periodTo,
      entry.createdAt,
      entry.createdBy,
      entry.includeExported,
      JSON.stringify(
        files.map(({ filename, rows, sha256 }) => ({
          filename,
          rows,
          sha256,
          archive: archiveOf.get(filename)?.archive,
        })),
      ),
      files.reduce((sum, file) => sum + file.rows, 0),
      entry.rejectedCount,
      entry.skippedAlreadyExported,
    ],
  );
  // All the rows in one statement, as one JSON document (as a push's records are written).
  await tx.query(
    `INSERT INTO facilita_export_rows (organisation_id, export_id, record_kind, record_id)
     SELECT $1, $2, r.kind, r.id FROM jsonb_to_recordset($3::jsonb) AS r(kind text, id text)`,
    [entry.organisationId, entry.id, JSON.stringify(files.flatMap((file) => file.records))],
  );
  for (const file of files) {
    await tx.query(
      'INSERT INTO facilita_export_files (organisation_id, export_id, filename, csv, content, archive) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        entry.organisationId,
        entry.id,
        file.filename,
        typeof file.content === 'string' ? file.content : null,
        typeof file.content === 'string' ? null : file.content,
        archiveOf.get(file.filename)?.pdf ?? null,
      ],
    );
  }
};

export const listExports = async (db: Queryable, organisationId: string): Promise<FacilitaExportEntry[]> =>
  (
    await db.query<ExportRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.organisation_id = $1 ORDER BY e.created_at DESC, e.id DESC`,
      [organisationId],
    )
  ).map(toEntry);

/** Sets the upload mark once; marking again keeps the first time. Null: no such export. */
export const markUploaded = async (db: Queryable, exportId: string): Promise<FacilitaExportEntry | null> => {
  await db.query('UPDATE facilita_exports SET uploaded_at = coalesce(uploaded_at, now()) WHERE id = $1', [exportId]);
  return exportEntry(db, exportId);
};

export const exportEntry = async (db: Queryable, exportId: string): Promise<FacilitaExportEntry | null> => {
  const [row] = await db.query<ExportRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = $1`, [exportId]);
  return row ? toEntry(row) : null;
};

/** The archive PDF of one file of a hub export, by the PDF's name. */
export const exportArchive = async (db: Queryable, exportId: string, archive: string): Promise<Buffer | null> => {
  const [row] = await db.query<{ archive: Uint8Array | null }>(
    `SELECT f.archive FROM facilita_export_files f JOIN facilita_exports e ON e.id = f.export_id,
       jsonb_array_elements(e.files) AS listed
      WHERE f.export_id = $1 AND listed->>'archive' = $2 AND listed->>'filename' = f.filename`,
    [exportId, archive],
  );
  return row?.archive ? Buffer.from(row.archive) : null;
};

export const exportFile = async (
  db: Queryable,
  exportId: string,
  filename: string,
): Promise<{ content: string | Buffer; format: 'csv' | 'xlsx'; sha256: string } | null> => {
  const [row] = await db.query<{ csv: string | null; content: Uint8Array | null; files: FacilitaExportEntry['files'] }>(
    `SELECT f.csv, f.content, e.files FROM facilita_export_files f JOIN facilita_exports e ON e.id = f.export_id
      WHERE f.export_id = $1 AND f.filename = $2`,
    [exportId, filename],
  );
  const sha256 = row?.files.find((file) => file.filename === filename)?.sha256;
  if (!row || !sha256) return null;
  return row.csv === null
    ? { content: Buffer.from(row.content ?? new Uint8Array()), format: 'xlsx', sha256 }
    : { content: row.csv, format: 'csv', sha256 };
};

/** Second key of the advisory lock that serialises recording exports (the first is the organisation's hash). */
const EXPORT_LOCK = 8424243;

/** Serialises recording exports of one organisation — the hub's and the desks' reports alike. */
export const lockExports = async (tx: Queryable, organisationId: string): Promise<void> => {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EXPORT_LOCK, organisationId]);
};
