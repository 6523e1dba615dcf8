import type { OrganisationView } from '../../../../shared/domain/journal/organisation.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { OperatorPayload } from '../../../../shared/sync-protocol/pull.ts';
import { HUB_SITE_SETTING_KEYS } from '../../../../shared/sync-protocol/site-settings.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import { listHubItems } from '../../sync/pull.ts';
import { enrolledWith } from '../../sync/sync-state.ts';
import { readHubSiteSettings } from '../hub-feed.ts';
import type { JournalContext } from '../journal-context.ts';

type Settings = OrganisationView['settings'];
type Key = (typeof HUB_SITE_SETTING_KEYS)[number];

/** The settings the hub sent for this desk's site (the desk receives only its own site's item). */
const hubSettings = (context: JournalContext, siteId: string): Settings => {
  const items = listHubItems(context.db(), context.cipher(), 'siteSettings').filter((item) => !item.deleted);
  const item = items.find((entry) => entry.key === siteId) ?? items[0];
  if (!item) return {};
  const read = readHubSiteSettings(item.payload);
  return Object.fromEntries(HUB_SITE_SETTING_KEYS.filter((key) => key in read).map((key) => [key, read[key]]));
};

/** The roster's active coordinators whom this desk holds without a PIN (brought in by the feed). */
const rosterCoordinators = (context: JournalContext): OrganisationView['coordinators'] => {
  const withoutSecret = context.db().prepare("SELECT 1 FROM operators WHERE id = ? AND secret_hash = ''").pluck();
  return listHubItems(context.db(), context.cipher(), 'operator').flatMap((item) => {
    const operator = OperatorPayload.safeParse(item.payload);
    if (item.deleted || !operator.success || !operator.data.active || operator.data.role !== 'coordinator') return [];
    return withoutSecret.get(item.key) === 1 ? [{ id: item.key, name: operator.data.displayName }] : [];
  });
};

/**
 * Once a desk is enrolled, a site setting the organisation sets at the hub is the hub's: the desk
 * shows it read-only with the organisation's name, and refuses to change it. A setting the hub
 * leaves out stays the desk's own.
 */
export const organisationView = (context: JournalContext): OrganisationView => {
  const enrolled = enrolledWith(context.db());
  if (!enrolled) return { organisationName: null, siteName: null, hubOwned: [], settings: {}, coordinators: [] };
  const settings = hubSettings(context, enrolled.siteId);
  return {
    organisationName: enrolled.organisationName,
    siteName: enrolled.siteName,
    hubOwned: HUB_SITE_SETTING_KEYS.filter((key) => key in settings),
    settings,
    coordinators: rosterCoordinators(context),
  };
};

const asStored = (key: Key, value: unknown): unknown =>
  key === 'province' && typeof value === 'string' ? (findProvince(value)?.name ?? value) : value;

/**
 * Refuses a site input that changes a field the organisation owns: one VALIDATION issue per such
 * field (`<prefix><field>`, code `managedByHub`), shown at the field; nothing is written.
 */
export const refuseHubOwnedChanges = (
  context: JournalContext,
  input: Partial<Record<Key, unknown>>,
  prefix = '',
): void => {
  const view = organisationView(context);
  const changed = view.hubOwned.filter((key) => asStored(key, input[key]) !== view.settings[key]);
  if (changed.length === 0) return;
  const message = `Managed by ${view.organisationName ?? 'the organisation'} at the hub`;
  throw new AppFailure('VALIDATION', message, {
    issues: changed.map((key) => ({ path: `${prefix}${key}`, code: 'managedByHub', message })),
    organisation: view.organisationName,
  });
};
