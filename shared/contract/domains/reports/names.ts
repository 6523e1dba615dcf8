/** The reports domain's method and event names (zod-free: the preload imports these). */
export const REPORTS_METHOD_NAMES = [
  'reports.facilita.preview',
  'reports.facilita.export',
  'reports.facilita.cancel',
  'reports.facilita.list',
  'reports.facilita.markUploaded',
  'reports.facilita.file',
] as const;

export const REPORTS_EVENT_NAMES = ['reports.facilita.progress'] as const;
