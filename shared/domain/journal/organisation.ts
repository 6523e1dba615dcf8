import { z } from 'zod';
import { HUB_SITE_SETTING_KEYS, HubSiteSettingFields } from '../../sync-protocol/site-settings.ts';
import { RecordId } from './common.ts';

export const HubSiteSettingKey = z.enum(HUB_SITE_SETTING_KEYS);
export type HubSiteSettingKey = z.infer<typeof HubSiteSettingKey>;

/** What the organisation's hub decides for this desk, as set-up and the site form show it. */
export const OrganisationView = z.strictObject({
  /** null: the desk is not enrolled with an organisation (everything is the desk's own). */
  organisationName: z.string().nullable(),
  siteName: z.string().nullable(),
  /** The site fields the organisation set at the hub: read-only here, a change is refused. */
  hubOwned: z.array(HubSiteSettingKey),
  /** Their values as the desk stores them (set-up is prefilled with them). */
  settings: HubSiteSettingFields,
  /** The roster's active coordinators who cannot sign in here yet: set-up picks one of them. */
  coordinators: z.array(z.strictObject({ id: RecordId, name: z.string() })),
});
export type OrganisationView = z.infer<typeof OrganisationView>;
