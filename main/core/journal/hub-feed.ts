import { Site } from '../../../shared/domain/journal/operators.ts';
import { findProvince } from '../../../shared/facilita/provinces.ts';
import { OperatorPayload } from '../../../shared/sync-protocol/pull.ts';
import { listHubItems } from '../sync/pull.ts';
import type { FeedApplier } from '../sync/synced-tables.ts';
import type { JournalContext } from './journal-context.ts';
import { sealFacilitaId, type OperatorRow } from './records/operator.ts';
import { SITE_SETTING_COLUMNS } from './records/site.ts';

type Item = Parameters<FeedApplier>[0];
type SiteSettingKey = keyof typeof SITE_SETTING_COLUMNS;

/**
 * An operator from the hub's roster. The hub holds no PIN and no Facilita id (those stay on the
 * desk), so a new one is added INACTIVE with no secret: it shows in the coordinator's operator
 * list, and becomes able to sign in once a coordinator sets its PIN and Facilita id and activates
 * it. Later roster changes update name and role; the hub can deactivate, but only the desk
 * (with a PIN set) activates. Not a desk change: no version bump, no outbox row.
 */
export const applyHubOperator = (context: JournalContext, item: Item): void => {
  const parsed = OperatorPayload.safeParse(item.payload);
  if (!parsed.success) return;
  const db = context.db();
  const operator = parsed.data;
  const at = context.now().toISOString();
  const current = db.prepare('SELECT role, active FROM operators WHERE id = ?').get(item.key) as
    Pick<OperatorRow, 'role' | 'active'> | undefined;
  const role = operator.role;
  if (current === undefined) {
    if (item.deleted) return;
    db.prepare(
      `INSERT INTO operators (id, version, name, role, facilita_id_enc, facilita_name, secret_kind, secret_hash, active,
         created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, 'pin', '', 0, ?, ?)`,
    ).run(item.key, operator.displayName, role, sealFacilitaId(context.cipher(), item.key, ''), '', at, at);
    return;
  }
  const stillActive = !item.deleted && operator.active;
  const activeCoordinators = db
    .prepare("SELECT count(*) FROM operators WHERE role = 'coordinator' AND active = 1")
    .pluck()
    .get() as number;
  // The desk's last active coordinator stays one: without them nobody could manage this desk
  // (operators, site, retention), and the hub cannot sign in here to put things right.
  const keepsDeskManaged = current.role === 'coordinator' && current.active === 1 && activeCoordinators <= 1;
  db.prepare(
    `UPDATE operators SET name = ?, role = ?, active = CASE WHEN ? THEN active ELSE 0 END, updated_at = ? WHERE id = ?`,
  ).run(
    operator.displayName,
    keepsDeskManaged ? 'coordinator' : role,
    stillActive || keepsDeskManaged ? 1 : 0,
    at,
    item.key,
  );
};

/**
 * The site settings a hub feed item carries, each checked with the desk's own rule, as the desk
 * stores them (the province by its full Facilita name); an invalid or unknown one is left out.
 */
export const readHubSiteSettings = (payload: Record<string, unknown>): Partial<Record<SiteSettingKey, unknown>> => {
  const settings: Partial<Record<SiteSettingKey, unknown>> = {};
  for (const key of Object.keys(SITE_SETTING_COLUMNS) as SiteSettingKey[]) {
    if (!(key in payload)) continue;
    const parsed = Site.shape[key].safeParse(payload[key]);
    if (!parsed.success) continue;
    settings[key] = key === 'province' ? (findProvince(parsed.data as string)?.name ?? parsed.data) : parsed.data;
  }
  return settings;
};

/**
 * The site's settings as the organisation set them at the hub: each known setting that is valid
 * replaces the desk's value (others — e.g. opening hours — are kept in the hub items only). A desk
 * not yet set up has no site row; it keeps the item until then. No version bump, no outbox row.
 */
export const applyHubSiteSettings = (context: JournalContext, item: Pick<Item, 'deleted' | 'payload'>): void => {
  if (item.deleted) return;
  const columns = Object.entries(readHubSiteSettings(item.payload)).map(
    ([key, value]) =>
      [SITE_SETTING_COLUMNS[key as SiteSettingKey], typeof value === 'boolean' ? Number(value) : value] as const,
  );
  if (columns.length === 0) return;
  context
    .db()
    .prepare(`UPDATE site SET ${columns.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ?`)
    .run(...columns.map(([, value]) => value as string | number | null), context.now().toISOString());
};

/** At set-up: the site settings the hub sent while the desk had no site yet. */
export const applyKeptSiteSettings = (context: JournalContext): void => {
  for (const item of listHubItems(context.db(), context.cipher(), 'siteSettings')) applyHubSiteSettings(context, item);
};
