import { randomUUID } from 'node:crypto';
import type {
  FacilitaExportEntry,
  FacilitaExportRequest,
  FacilitaExportResult,
} from '../../shared/sync-protocol/admin.ts';
import { requireOrganisation } from '../admin/lookups.ts';
import type { HubDatabase } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { buildOrganisationExport } from './facilita.ts';
import {
  exportCount,
  exportedKey,
  exportedRecords,
  exportFile,
  listExports,
  markUploaded,
  recordExport,
} from './registry.ts';

/** Second key of the advisory lock that serialises recording exports (the first is the organisation's hash). */
const EXPORT_LOCK = 8424243;
/** Builds tried before giving up when other exports keep being recorded meanwhile. */
const MAX_ATTEMPTS = 3;

/**
 * The referente's Facilita export across desks, with its registry: an export leaves out the records
 * an earlier export of the organisation holds (unless `includeExported`), and is recorded — export,
 * rows and files — in one transaction, so a failure anywhere leaves no trace of it.
 */
/** Why an export made no file, in words the referente can act on. */
const nothingToExport = (built: { skipped: number; leftOutDemo: number }): string => {
  const reasons = [
    ...(built.skipped > 0
      ? [`${built.skipped} row(s) went out in earlier exports (includeExported: true exports them again)`]
      : []),
    ...(built.leftOutDemo > 0 ? [`${built.leftOutDemo} service(s) came from a desk holding demo data`] : []),
  ];
  return reasons.length > 0
    ? `Nothing new to export in this period: ${reasons.join('; ')}`
    : 'No reportable service in this period';
};

export const createFacilitaExportService = (db: HubDatabase) => ({
  async run(query: FacilitaExportRequest): Promise<FacilitaExportResult> {
    const { organisationId, includeExported } = query;
    await requireOrganisation(db, organisationId);
    for (let attempt = 1; ; attempt += 1) {
      // The build reads outside the transaction (seconds for a large organisation, and PGlite runs
      // one transaction at a time); the count, checked again under the lock, says whether another
      // export was recorded meanwhile, which would make this one repeat its rows.
      const seen = await exportCount(db, organisationId);
      const exported = includeExported ? new Set<string>() : await exportedRecords(db, organisationId);
      const createdAt = new Date();
      const built = await buildOrganisationExport(
        db,
        organisationId,
        { from: query.from, to: query.to },
        { alreadyExported: (kind, id) => exported.has(exportedKey(kind, id)), at: createdAt },
      );
      const answer = {
        files: built.files.map(({ filename, csv, rows, sha256 }) => ({ filename, csv, rows, sha256 })),
        rejected: built.rejected,
        skippedAlreadyExported: built.skipped,
        leftOutDemo: built.leftOutDemo,
      };
      if (built.files.length === 0) {
        if (built.rejected.length > 0) return { exportId: null, ...answer };
        throw new HubFailure('NOT_FOUND', nothingToExport(built));
      }
      const exportId = randomUUID();
      const recorded = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EXPORT_LOCK, organisationId]);
        if (!includeExported && (await exportCount(tx, organisationId)) !== seen) return false;
        await recordExport(
          tx,
          {
            id: exportId,
            organisationId,
            periodFrom: query.from,
            periodTo: query.to,
            createdAt: createdAt.toISOString(),
            createdBy: query.createdBy ?? null,
            includeExported,
            rejectedCount: built.rejected.length,
            skippedAlreadyExported: built.skipped,
          },
          built.files,
        );
        return true;
      });
      if (recorded) return { exportId, ...answer };
      if (attempt >= MAX_ATTEMPTS) {
        throw new HubFailure('CONFLICT', 'Other exports of this organisation keep being recorded; export again');
      }
    }
  },

  async list(organisationId: string): Promise<FacilitaExportEntry[]> {
    await requireOrganisation(db, organisationId);
    return listExports(db, organisationId);
  },

  async markUploaded(exportId: string): Promise<FacilitaExportEntry> {
    const entry = await markUploaded(db, exportId);
    if (!entry) throw new HubFailure('NOT_FOUND', 'No such Facilita export');
    return entry;
  },

  async file(exportId: string, filename: string) {
    const file = await exportFile(db, exportId, filename);
    if (!file) throw new HubFailure('NOT_FOUND', 'No such file in this Facilita export');
    return file;
  },
});

export type FacilitaExportService = ReturnType<typeof createFacilitaExportService>;
