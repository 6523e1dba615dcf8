import { randomUUID } from 'node:crypto';
import {
  alreadyExportedSentence,
  mainEarlierExport,
  type EarlierExport,
} from '../../shared/facilita/already-exported.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import type {
  FacilitaExportEntry,
  FacilitaExportRequest,
  FacilitaExportResult,
} from '../../shared/sync-protocol/admin.ts';
import { serviceKey, type HubExportFeedPayload } from '../../shared/sync-protocol/exports.ts';
import type { AuthenticatedDevice } from '../auth.ts';
import { requireOrganisation } from '../admin/lookups.ts';
import type { HubDatabase, Queryable } from '../db/database.ts';
import { isoOrNull } from '../db/row-values.ts';
import { HubFailure } from '../failure.ts';
import { appendFeedItems, type FeedWrite } from '../sync/feed.ts';
import { renderArchives } from './archives.ts';
import { recordDeskExport } from './desk-exports.ts';
import { buildOrganisationExport, type BuiltFile } from './facilita.ts';
import {
  exportArchive,
  exportCount,
  exportedKey,
  exportedRecords,
  exportFile,
  listExports,
  lockExports,
  markUploaded,
  recordExport,
} from './registry.ts';

/** Builds tried before giving up when other exports keep being recorded meanwhile. */
const MAX_ATTEMPTS = 3;

/** The earlier exports holding the services an export left out, for the sentence that says why. */
const earlierExports = async (db: Queryable, skippedBy: Map<string, number>): Promise<EarlierExport[]> => {
  if (skippedBy.size === 0) return [];
  const rows = await db.query<{ id: string; origin: 'hub' | 'desk'; created_at: unknown; by: string | null }>(
    `SELECT e.id, e.origin, e.created_at, CASE WHEN e.origin = 'hub' THEN e.created_by ELSE d.name END AS by
       FROM facilita_exports e LEFT JOIN devices d ON d.id = e.device_id WHERE e.id = ANY($1::uuid[])`,
    [[...skippedBy.keys()]],
  );
  return rows.map((row) => ({
    origin: row.origin,
    at: isoOrNull(row.created_at) ?? '',
    by: row.by,
    services: skippedBy.get(row.id) ?? 0,
  }));
};

/** Why an export made no file, in the referente's language: what went out before, and where. */
const nothingToExport = (
  language: string,
  built: { skipped: number; leftOutDemo: number },
  earlier: readonly EarlierExport[],
): string => {
  const t = createTranslator(language);
  const reasons = [
    ...(built.skipped > 0
      ? [`${alreadyExportedSentence(t, language, built.skipped, mainEarlierExport(earlier))} (includeExported: true)`]
      : []),
    ...(built.leftOutDemo > 0 ? [`${built.leftOutDemo} service(s) came from a desk holding demo data`] : []),
  ];
  return reasons.length > 0
    ? `Nothing new to export in this period: ${reasons.join('; ')}`
    : 'No reportable service in this period';
};

/**
 * What each site's desks learn of a hub export (feed kind `facilitaExport`): that site's services
 * and files, so a desk leaves them out of its own exports and shows where they went.
 */
const feedItemsOf = (
  organisationId: string,
  exportId: string,
  entry: { createdAt: string; createdBy: string | null; from: string; to: string },
  files: readonly BuiltFile[],
): FeedWrite[] => {
  const bySite = new Map<string, HubExportFeedPayload>();
  for (const file of files) {
    for (const record of file.records) {
      let payload = bySite.get(record.siteId);
      if (!payload) {
        payload = {
          exportId,
          createdAt: entry.createdAt,
          createdBy: entry.createdBy,
          periodFrom: entry.from,
          periodTo: entry.to,
          files: [],
          services: [],
        };
        bySite.set(record.siteId, payload);
      }
      if (payload.files.at(-1)?.filename !== file.filename)
        payload.files.push({ filename: file.filename, rows: file.rows, sha256: file.sha256 });
      payload.services.push(serviceKey(record.kind, record.id));
    }
  }
  return [...bySite].map(([siteId, payload]) => ({
    organisationId,
    siteId,
    kind: 'facilitaExport' as const,
    key: `${exportId}:${siteId}`,
    payload,
  }));
};

/**
 * The referente's Facilita export across desks, with the organisation's one registry: an export
 * leaves out the services any earlier export holds — the hub's, or one a desk reported — (unless
 * `includeExported`), and is recorded — export, rows, files with their archive PDFs, and the feed
 * items that tell the desks — in one transaction, so a failure anywhere leaves no trace of it.
 */
export const createFacilitaExportService = (db: HubDatabase) => ({
  async run(query: FacilitaExportRequest): Promise<FacilitaExportResult> {
    const { organisationId, includeExported } = query;
    const organisation = await requireOrganisation(db, organisationId);
    for (let attempt = 1; ; attempt += 1) {
      // The build reads outside the transaction (seconds for a large organisation, and PGlite runs
      // one transaction at a time); the count, checked again under the lock, says whether another
      // export was recorded meanwhile, which would make this one repeat its rows.
      const seen = await exportCount(db, organisationId);
      const exported = includeExported ? new Map<string, string>() : await exportedRecords(db, organisationId);
      const skippedBy = new Map<string, number>();
      const createdAt = new Date();
      const built = await buildOrganisationExport(
        db,
        organisationId,
        { from: query.from, to: query.to },
        {
          alreadyExported: (kind, id) => {
            const holder = exported.get(exportedKey(kind, id));
            if (holder) skippedBy.set(holder, (skippedBy.get(holder) ?? 0) + 1);
            return holder !== undefined;
          },
          at: createdAt,
        },
      );
      const by = query.createdBy ?? null;
      const archives = await renderArchives(built.files, {
        language: query.language,
        period: { from: query.from, to: query.to },
        organisation: organisation.name,
        by: by ?? 'hub',
        at: createdAt,
      });
      const answer = {
        // A CSV's text comes in the answer; an Excel file is fetched from the registry as a file.
        files: built.files.map(({ filename, content, format, rows, sha256 }, index) => ({
          filename,
          format,
          ...(typeof content === 'string' ? { csv: content } : {}),
          rows,
          sha256,
          archive: archives[index]?.archive,
        })),
        rejected: built.rejected,
        held: built.held,
        skippedAlreadyExported: built.skipped,
        leftOutDemo: built.leftOutDemo,
      };
      if (built.files.length === 0) {
        if (built.rejected.length > 0) return { exportId: null, ...answer };
        throw new HubFailure('NOT_FOUND', nothingToExport(query.language, built, await earlierExports(db, skippedBy)));
      }
      const exportId = randomUUID();
      const recorded = await db.transaction(async (tx) => {
        await lockExports(tx, organisationId);
        if (!includeExported && (await exportCount(tx, organisationId)) !== seen) return false;
        await recordExport(
          tx,
          {
            id: exportId,
            organisationId,
            periodFrom: query.from,
            periodTo: query.to,
            createdAt: createdAt.toISOString(),
            createdBy: by,
            includeExported,
            rejectedCount: built.rejected.length,
            skippedAlreadyExported: built.skipped,
          },
          built.files,
          archives,
        );
        await appendFeedItems(
          tx,
          feedItemsOf(
            organisationId,
            exportId,
            { createdAt: createdAt.toISOString(), createdBy: by, from: query.from, to: query.to },
            built.files,
          ),
        );
        return true;
      });
      if (recorded) return { exportId, ...answer };
      if (attempt >= MAX_ATTEMPTS) {
        throw new HubFailure('CONFLICT', 'Other exports of this organisation keep being recorded; export again');
      }
    }
  },

  /** An export a desk made, reported by its sync (see desk-exports.ts). */
  reportFromDesk: (device: AuthenticatedDevice, report: Parameters<typeof recordDeskExport>[2]) =>
    recordDeskExport(db, device, report),

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

  async archive(exportId: string, archive: string): Promise<Buffer> {
    const pdf = await exportArchive(db, exportId, archive);
    if (!pdf) throw new HubFailure('NOT_FOUND', 'No such archive PDF in this Facilita export');
    return pdf;
  },
});

export type FacilitaExportService = ReturnType<typeof createFacilitaExportService>;
