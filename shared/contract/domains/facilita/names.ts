/** The Facilita export domain's method and event names (zod-free: the preload imports these). */
export const FACILITA_METHOD_NAMES = [
  'facilita.preview',
  'facilita.export',
  'facilita.cancel',
  'facilita.list',
  'facilita.markUploaded',
  'facilita.file',
  'facilita.importDiscards',
  'facilita.discards',
  'facilita.exportRectification',
  'facilita.volunteerHours',
] as const;

export const FACILITA_EVENT_NAMES = ['facilita.progress'] as const;
