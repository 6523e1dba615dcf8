/** The app domain's method and event names (zod-free: the preload imports these). */
export const APP_METHOD_NAMES = [
  'app.info',
  'app.health',
  'settings.get',
  'settings.set',
  'database.recover',
  'notices.dismiss',
] as const;

export const APP_EVENT_NAMES = ['settings.changed', 'notices.changed'] as const;
