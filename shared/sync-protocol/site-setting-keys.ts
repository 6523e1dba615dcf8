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
  'measure',
] as const;
