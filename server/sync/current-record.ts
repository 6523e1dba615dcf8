import type { TheirVersion } from '../../shared/sync-protocol/push.ts';
import type { AuthenticatedDevice } from '../auth.ts';
import type { Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { belongsToAnotherSite } from './site-scope.ts';

/**
 * The hub's current version of one of the organisation's records, for a desk settling a conflict
 * on it. A site's own records (sessions, workshops…) are read only by that site's desks, as they
 * are written only by them.
 */
export const readCurrentRecord = async (
  db: Queryable,
  device: AuthenticatedDevice,
  entity: string,
  recordId: string,
): Promise<TheirVersion | null> => {
  const [row] = await db.query<{
    version: number;
    deleted: boolean;
    payload: Record<string, unknown>;
    site_id: string;
  }>(
    `SELECT version, deleted, payload, site_id FROM records
      WHERE organisation_id = $1 AND entity = $2 AND record_id = $3`,
    [device.organisationId, entity, recordId],
  );
  if (!row) return null;
  if (belongsToAnotherSite(entity, row.site_id, device.siteId))
    throw new HubFailure('FORBIDDEN', "This record belongs to another site: a desk reads only its own site's records");
  return { version: Number(row.version), op: row.deleted ? 'delete' : 'upsert', payload: row.payload };
};
