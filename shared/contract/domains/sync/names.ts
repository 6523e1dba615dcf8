/** The sync domain's method and event names (zod-free: the preload imports these). */
export const SYNC_METHOD_NAMES = [
  'sync.status',
  'sync.enroll',
  'sync.now',
  'sync.reportOnline',
  'sync.problems',
  'sync.retry',
  'sync.resolve',
] as const;

export const SYNC_EVENT_NAMES = ['sync.status'] as const;
