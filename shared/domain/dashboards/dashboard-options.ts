/** The dashboards' tables and their columns, without zod, so the renderer can list them without bundling it. */
export const DASHBOARD_TABLES = [
  'monthly',
  'serviceAreas',
  'competences',
  'ageBands',
  'gender',
  'education',
  'occupation',
  'citizenship',
  'operators',
  'outcomes',
  'blockers',
  'autonomy',
] as const;
export type DashboardTableId = (typeof DASHBOARD_TABLES)[number];

/** services, unique citizens (newCitizens: first seen that month, the monthly trend); runs (guide runs) for blockers; steps marked / done by the citizen alone / share %. */
export const DASHBOARD_COLUMNS = [
  'services',
  'citizens',
  'runs',
  'steps',
  'citizenAlone',
  'sharePercent',
  'newCitizens',
] as const;
export type DashboardColumn = (typeof DASHBOARD_COLUMNS)[number];

export const TARGET_METRICS = ['citizens', 'services'] as const;
export const TARGET_STATUSES = ['met', 'onTrack', 'behind', 'missed'] as const;
export const DASHBOARD_FILE_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

/** The key a row has when the value is not recorded (an anonymous quick log, no birth year…). */
export const UNKNOWN_KEY = 'unknown';
