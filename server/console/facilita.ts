import type { FacilitaRegistryEntry, FacilitaRunView } from '../../shared/console/names.ts';
import type { FacilitaExportEntry } from '../../shared/sync-protocol/admin.ts';
import type { Queryable } from '../db/database.ts';
import { createFacilitaExportService } from '../export/export-service.ts';
import { HubFailure } from '../failure.ts';

const entryView = ({ deviceId: _deviceId, ...entry }: FacilitaExportEntry): FacilitaRegistryEntry => entry;

/** The site each rejected row came from (its own record, or a workshop participant's workshop). */
const siteNames = async (db: Queryable, organisationId: string, recordIds: string[]) => {
  if (recordIds.length === 0) return new Map<string, string>();
  const rows = await db.query<{ record_id: string; name: string }>(
    `SELECT r.record_id, s.name FROM records r JOIN sites s ON s.id = r.site_id
      WHERE r.organisation_id = $1 AND r.record_id = ANY($2::text[])`,
    [organisationId, recordIds],
  );
  return new Map(rows.map((row) => [row.record_id, row.name]));
};

/**
 * The console's Facilita page over the hub's one export service (server/export/export-service.ts):
 * the same registry as the admin API and the CLI, seen by a person of the organisation.
 */
export const createConsoleFacilita = (db: Parameters<typeof createFacilitaExportService>[0]) => {
  const exports = createFacilitaExportService(db);
  return {
    ...exports,
    async run(query: Parameters<typeof exports.run>[0]): Promise<FacilitaRunView> {
      try {
        const result = await exports.run(query);
        const ids = result.rejected.map((row) => row.parentId ?? row.recordId);
        const sites = await siteNames(db, query.organisationId, ids);
        const rejected = result.rejected.map((row) => ({
          ...row,
          siteName: sites.get(row.parentId ?? row.recordId) ?? null,
        }));
        return { ...result, rejected, nothingToExport: false };
      } catch (error) {
        // The organisation is the route's own (its scope was resolved): not found means no row to export.
        if (error instanceof HubFailure && error.code === 'NOT_FOUND') return { nothingToExport: true };
        throw error;
      }
    },
    /** The organisation's exports; for a site, the hub's (they span every site) and those of the site's own desks. */
    async list(organisationId: string, siteId: string | null = null): Promise<FacilitaRegistryEntry[]> {
      const entries = await exports.list(organisationId);
      if (siteId === null) return entries.map(entryView);
      const desks = await db.query<{ id: string }>('SELECT id FROM devices WHERE site_id = $1', [siteId]);
      const own = new Set(desks.map((desk) => desk.id));
      return entries
        .filter((entry) => entry.origin === 'hub' || (entry.deviceId !== null && own.has(entry.deviceId)))
        .map(entryView);
    },
    markUploaded: async (exportId: string) => entryView(await exports.markUploaded(exportId)),
  };
};
