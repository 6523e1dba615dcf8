/** The keys domain's method and event names (zod-free: the preload imports these). */
export const KEYS_METHOD_NAMES = [
  'keys.recoveryKey',
  'keys.recoveryKey.confirm',
  'keys.recoveryKey.sheet',
  'keys.recover',
  'keys.useFileKey',
] as const;

export const KEYS_EVENT_NAMES = [] as const;
