import { type z } from 'zod';
import { SiteFields } from '../domain/journal/operators.ts';
import { HUB_SITE_SETTING_KEYS } from './site-setting-keys.ts';

export { HUB_SITE_SETTING_KEYS };

/** The keys are zod-free (site-setting-keys.ts) for the console's pages; each must be a desk site field. */
const _keysAreSiteFields: readonly (keyof typeof SiteFields.shape)[] = HUB_SITE_SETTING_KEYS;

const pickKeys = Object.fromEntries(HUB_SITE_SETTING_KEYS.map((key) => [key, true])) as {
  [K in (typeof HUB_SITE_SETTING_KEYS)[number]]: true;
};

/** The settings found in a hub feed item (which also carries the site's hub name): other keys are dropped. */
export const HubSiteSettingFields = SiteFields.pick(pickKeys).partial().strip();

export const HubSiteSettings = HubSiteSettingFields.strict().superRefine((value, ctx) => {
  if (value.projectStart && value.projectEnd && value.projectEnd < value.projectStart) {
    ctx.addIssue({ code: 'custom', path: ['projectEnd'], message: 'the project ends before it starts' });
  }
});
export type HubSiteSettings = z.infer<typeof HubSiteSettings>;
