import { type z } from 'zod';
import { SiteFields } from '../domain/journal/operators.ts';

/**
 * The site settings an organisation sets at the hub, sent to the site's desks: the desk's own site
 * fields with the desk's own rules, each optional (a setting left out stays as the desk has it).
 * Any other key is refused, so a typo such as `retentionMonth` is an error, not a silent no-op.
 */
export const HUB_SITE_SETTING_KEYS = [
  'facilitaName',
  'facilitaId',
  'ente',
  'province',
  'projectStart',
  'projectEnd',
  'cutoffDate',
  'allowMinors',
  'backdateDays',
  'idleMinutes',
  'retentionMonths',
] as const satisfies readonly (keyof typeof SiteFields.shape)[];

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
