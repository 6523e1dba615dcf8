import type { ConflictRow } from '../../shared/sync-protocol/admin.ts';
import type { Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { requireOrganisation } from './lookups.ts';
import { isoOrNull, textOrNull } from '../db/row-values.ts';

/**
 * The organisation's conflicts, for its admin: a desk settles a conflict by resolving it (keep mine,
 * keep theirs), which closes it here; the admin lists what is still open and can close one the desks
 * cannot settle, saying who and why. The payloads stay out of the list: they hold citizens' data.
 */
export const createConflictAdmin = (db: Queryable) => ({
  async list(organisationId: string, state: 'open' | 'closed' | 'all'): Promise<ConflictRow[]> {
    await requireOrganisation(db, organisationId);
    const rows = await db.query<Record<string, unknown>>(
      `SELECT c.change_id, c.entity, c.record_id, d.site_id, s.name AS site_name, c.device_id, d.name AS desk_name,
              c.mine_version, c.theirs_version, c.detected_at, c.resolved_at, c.closed_by, c.close_reason
         FROM conflicts c JOIN devices d ON d.id = c.device_id JOIN sites s ON s.id = d.site_id
        WHERE c.organisation_id = $1
          AND ($2 = 'all' OR ($2 = 'open') = (c.resolved_at IS NULL))
        ORDER BY c.detected_at DESC, c.change_id`,
      [organisationId, state],
    );
    return rows.map((row) => ({
      changeId: String(row['change_id']),
      entity: String(row['entity']),
      recordId: String(row['record_id']),
      siteId: String(row['site_id']),
      siteName: String(row['site_name']),
      deviceId: String(row['device_id']),
      deskName: String(row['desk_name']),
      mineVersion: Number(row['mine_version']),
      theirsVersion: Number(row['theirs_version']),
      detectedAt: isoOrNull(row['detected_at']) ?? '',
      resolvedAt: isoOrNull(row['resolved_at']),
      closedBy: textOrNull(row['closed_by']),
      closeReason: textOrNull(row['close_reason']),
    }));
  },

  async close(changeId: string, closedBy: string, reason: string) {
    const [row] = await db.query<{ resolved_at: unknown }>(
      `UPDATE conflicts SET resolved_at = now(), closed_by = $2, close_reason = $3
        WHERE change_id = $1 AND resolved_at IS NULL RETURNING resolved_at`,
      [changeId, closedBy, reason],
    );
    if (row) return { changeId, closed: true, resolvedAt: isoOrNull(row.resolved_at) };
    const [known] = await db.query('SELECT 1 FROM conflicts WHERE change_id = $1', [changeId]);
    throw known
      ? new HubFailure('CONFLICT', 'This conflict is already closed')
      : new HubFailure('NOT_FOUND', 'No such conflict');
  },
});
