import type { SiteView } from '../../shared/console/protocol.ts';
import { HubSiteSettingFields, HubSiteSettings } from '../../shared/sync-protocol/site-settings.ts';
import type { HubDatabase } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { parseBody } from '../routes/validate.ts';
import { writeFeedItem } from '../sync/feed.ts';

const SITE_WITH_SETTINGS = `
  SELECT s.id, s.organisation_id, s.name, f.payload, f.cursor
    FROM sites s LEFT JOIN feed f ON f.organisation_id = s.organisation_id AND f.kind = 'siteSettings' AND f.key = s.id::text`;

const siteView = (row: Record<string, unknown>): SiteView => ({
  id: String(row['id']),
  organisationId: String(row['organisation_id']),
  name: String(row['name']),
  settings: HubSiteSettingFields.parse(row['payload'] ?? {}),
  cursor: row['cursor'] === null || row['cursor'] === undefined ? null : Number(row['cursor']),
});

/** A site's hub-owned settings as the console shows and saves them (the feed holds the latest). */
export const createConsoleSites = (db: HubDatabase) => ({
  async list(organisationId: string): Promise<SiteView[]> {
    const rows = await db.query<Record<string, unknown>>(
      `${SITE_WITH_SETTINGS} WHERE s.organisation_id = $1 ORDER BY s.name`,
      [organisationId],
    );
    return rows.map(siteView);
  },

  async get(siteId: string): Promise<SiteView> {
    const [row] = await db.query<Record<string, unknown>>(`${SITE_WITH_SETTINGS} WHERE s.id = $1`, [siteId]);
    if (!row) throw new HubFailure('NOT_FOUND', 'No such site');
    return siteView(row);
  },

  /**
   * Replaces the settings, validated field by field (nothing written on any error). `cursor` is the
   * version the form was opened on: if another tab (or person) saved since, the save is refused
   * under the feed's lock, so two saves can never both pass the check.
   */
  async save(siteId: string, input: unknown, cursor: number | null): Promise<SiteView> {
    const settings = parseBody(HubSiteSettings, input);
    const site = await this.get(siteId);
    await writeFeedItem(
      db,
      {
        organisationId: site.organisationId,
        siteId,
        kind: 'siteSettings',
        key: siteId,
        payload: { name: site.name, ...settings },
      },
      async (tx) => {
        const [row] = await tx.query<{ cursor: string }>(
          `SELECT cursor FROM feed WHERE organisation_id = $1 AND kind = 'siteSettings' AND key = $2`,
          [site.organisationId, siteId],
        );
        const current = row ? Number(row.cursor) : null;
        if (current !== cursor) throw new HubFailure('CONFLICT', 'The site was changed in the meantime: reload it');
      },
    );
    return this.get(siteId);
  },
});

export type ConsoleSites = ReturnType<typeof createConsoleSites>;
