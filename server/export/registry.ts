import type { FacilitaExportEntry } from '../../shared/sync-protocol/admin.ts';
import type { Queryable } from '../db/database.ts';
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
}

// Dates as text: node-postgres would turn a `date` into a local-midnight Date and shift the day.
const COLUMNS = `id, organisation_id, period_from::text AS period_from, period_to::text AS period_to, created_at,
  created_by, include_exported, files, row_count, rejected_count, skipped_count, uploaded_at`;

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
});

export const exportedKey = (kind: RecordKind, recordId: string) => `${kind}:${recordId}`;

/** Every record an export of the organisation holds, read once: an export asks about each record of its period. */
export const exportedRecords = async (db: Queryable, organisationId: string): Promise<Set<string>> => {
  const rows = await db.query<{ record_kind: RecordKind; record_id: string }>(
    'SELECT DISTINCT record_kind, record_id FROM facilita_export_rows WHERE organisation_id = $1',
    [organisationId],
  );
  return new Set(rows.map((row) => exportedKey(row.record_kind, row.record_id)));
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
  entry: Omit<FacilitaExportEntry, 'files' | 'uploadedAt' | 'rowCount'>,
  files: readonly BuiltFile[],
): Promise<void> => {
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
      JSON.stringify(files.map(({ filename, rows, sha256 }) => ({ filename, rows, sha256 }))),
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
      'INSERT INTO facilita_export_files (organisation_id, export_id, filename, csv) VALUES ($1, $2, $3, $4)',
      [entry.organisationId, entry.id, file.filename, file.csv],
    );
  }
};

export const listExports = async (db: Queryable, organisationId: string): Promise<FacilitaExportEntry[]> =>
  (
    await db.query<ExportRow>(
      `SELECT ${COLUMNS} FROM facilita_exports WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC`,
      [organisationId],
    )
  ).map(toEntry);

/** Sets the upload mark once; marking again keeps the first time. Null: no such export. */
export const markUploaded = async (db: Queryable, exportId: string): Promise<FacilitaExportEntry | null> => {
  const [row] = await db.query<ExportRow>(
    `UPDATE facilita_exports SET uploaded_at = coalesce(uploaded_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
    [exportId],
  );
  return row ? toEntry(row) : null;
};

export const exportFile = async (
  db: Queryable,
  exportId: string,
  filename: string,
): Promise<{ csv: string; sha256: string } | null> => {
  const [row] = await db.query<{ csv: string; files: FacilitaExportEntry['files'] }>(
    `SELECT f.csv, e.files FROM facilita_export_files f JOIN facilita_exports e ON e.id = f.export_id
      WHERE f.export_id = $1 AND f.filename = $2`,
    [exportId, filename],
  );
  const sha256 = row?.files.find((file) => file.filename === filename)?.sha256;
  return row && sha256 ? { csv: row.csv, sha256 } : null;
};
