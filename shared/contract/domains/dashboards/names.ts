/** The dashboards domain's method names (zod-free: the preload imports these). */
export const DASHBOARDS_METHOD_NAMES = [
  'dashboards.get',
  'dashboards.file',
  'dashboards.targets.save',
  'dashboards.targets.delete',
] as const;

export const DASHBOARDS_EVENT_NAMES = [] as const;
