import type { Database } from 'better-sqlite3';
import { Site } from '../../../shared/domain/journal/operators.ts';
import { findProvince } from '../../../shared/facilita/provinces.ts';
import { OperatorPayload, type FeedItem } from '../../../shared/sync-protocol/pull.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { registerFeedApplier } from '../sync/feed-appliers.ts';
import { listHubItems } from '../sync/pull.ts';
import { facilitaIdContext } from './operators/operator-store.ts';

/**
 * An operator from the hub's roster. The hub holds no PIN and no Facilita id (those stay on the
 * desk), so a new one is added INACTIVE with no secret: it shows in the coordinator's operator
 * list, and becomes able to sign in once a coordinator sets its PIN and Facilita id and activates
 * it. Later roster changes update name and role; the hub can deactivate, but only the desk
 * (with a PIN set) activates. Not a desk change: no version bump, no outbox row.
 */
export const applyHubOperator = (db: Database, cipher: FieldCipher, item: FeedItem): void => {
  const parsed = OperatorPayload.safeParse(item.payload);
  if (!parsed.success) return;
  const operator = parsed.data;
  const at = new Date().toISOString();
  const current = db.prepare('SELECT role, active FROM operators WHERE id = ?').get(item.key) as
    { role: string; active: number } | undefined;
  const role = operator.role;
  if (current === undefined) {
    if (item.deleted) return;
    db.prepare(
      `INSERT INTO operators (id, version, name, role, facilita_id_enc, facilita_name, secret_kind, secret_hash, active,
         created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, 'pin', '', 0, ?, ?)`,
    ).run(item.key, operator.displayName, role, cipher.encrypt('', facilitaIdContext(item.key)), '', at, at);
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

const SETTING_COLUMNS = {
  facilitaName: 'facilita_name',
  facilitaId: 'facilita_id',
  ente: 'ente',
  province: 'province',
  projectStart: 'project_start',
  projectEnd: 'project_end',
  cutoffDate: 'cutoff_date',
  allowMinors: 'allow_minors',
  backdateDays: 'backdate_days',
  idleMinutes: 'idle_minutes',
  retentionMonths: 'retention_months',
} as const satisfies Partial<Record<keyof Site, string>>;

/**
 * The site's settings as the organisation set them at the hub: each known setting that is valid
 * replaces the desk's value (others — e.g. opening hours — are kept in the hub items only). A desk
 * not yet set up has no site row; it keeps the item until then. No version bump, no outbox row.
 */
export const applyHubSiteSettings = (
  db: Database,
  _cipher: FieldCipher,
  item: Pick<FeedItem, 'deleted' | 'payload'>,
): void => {
  if (item.deleted) return;
  const columns: [string, string | number | null][] = [];
  for (const [key, column] of Object.entries(SETTING_COLUMNS)) {
    if (!(key in item.payload)) continue;
    const parsed = Site.shape[key as keyof typeof SETTING_COLUMNS].safeParse(item.payload[key]);
    if (!parsed.success) continue;
    const value = parsed.data;
    if (key === 'province') columns.push([column, findProvince(value as string)?.name ?? (value as string)]);
    else columns.push([column, typeof value === 'boolean' ? Number(value) : value]);
  }
  if (columns.length === 0) return;
  db.prepare(`UPDATE site SET ${columns.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ?`).run(
    ...columns.map(([, value]) => value),
    new Date().toISOString(),
  );
};

/** At set-up: the site settings the hub sent while the desk had no site yet. */
export const applyKeptSiteSettings = (db: Database, cipher: FieldCipher): void => {
  for (const item of listHubItems(db, cipher, 'siteSettings')) applyHubSiteSettings(db, cipher, item);
};

/** The journal's use of the hub feed: the operator roster and the site settings. */
export const registerJournalFeed = (): void => {
  registerFeedApplier('operator', applyHubOperator);
  registerFeedApplier('siteSettings', applyHubSiteSettings);
};
