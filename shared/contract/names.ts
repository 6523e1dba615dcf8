/**
 * The names of every method and event of the contract, without their schemas, so the sandboxed
 * preload can generate its bridge without bundling zod. `methods.ts` is checked against these lists.
 */
export const METHOD_NAMES = [
  'app.info',
  'app.health',
  'settings.get',
  'settings.set',
  'database.recover',
  'notices.dismiss',
] as const;

export const EVENT_NAMES = ['settings.changed', 'notices.changed'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const isMethodName = (name: string): name is MethodName => (METHOD_NAMES as readonly string[]).includes(name);
