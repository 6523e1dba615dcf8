import { APP_EVENT_NAMES, APP_METHOD_NAMES } from './domains/app/names.ts';
import { SYNC_EVENT_NAMES, SYNC_METHOD_NAMES } from './domains/sync/names.ts';
import { GUIDES_EVENT_NAMES, GUIDES_METHOD_NAMES } from './domains/guides/names.ts';
import { JOURNAL_EVENT_NAMES, JOURNAL_METHOD_NAMES } from './domains/journal/names.ts';
import { FACILITA_EVENT_NAMES, FACILITA_METHOD_NAMES } from './domains/facilita/names.ts';
import { DASHBOARDS_EVENT_NAMES, DASHBOARDS_METHOD_NAMES } from './domains/dashboards/names.ts';
import { KEYS_EVENT_NAMES, KEYS_METHOD_NAMES } from './domains/keys/names.ts';
import { SHELL_EVENT_NAMES, SHELL_METHOD_NAMES } from './domains/shell/names.ts';

/**
 * The names of every method and event of the contract, without their schemas, so the sandboxed
 * preload can generate its bridge without bundling zod. Each domain lists its own names in
 * `domains/<domain>/names.ts`; `methods.ts` is checked against these lists at compile time.
 */
export const METHOD_NAMES = [
  ...APP_METHOD_NAMES,
  ...GUIDES_METHOD_NAMES,
  ...JOURNAL_METHOD_NAMES,
  ...SYNC_METHOD_NAMES,
  ...FACILITA_METHOD_NAMES,
  ...DASHBOARDS_METHOD_NAMES,
  ...KEYS_METHOD_NAMES,
  ...SHELL_METHOD_NAMES,
] as const;

export const EVENT_NAMES = [
  ...APP_EVENT_NAMES,
  ...GUIDES_EVENT_NAMES,
  ...JOURNAL_EVENT_NAMES,
  ...SYNC_EVENT_NAMES,
  ...FACILITA_EVENT_NAMES,
  ...DASHBOARDS_EVENT_NAMES,
  ...KEYS_EVENT_NAMES,
  ...SHELL_EVENT_NAMES,
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const isMethodName = (name: string): name is MethodName => (METHOD_NAMES as readonly string[]).includes(name);
