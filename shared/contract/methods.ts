import { z } from 'zod';
import { AppInfo, Health, Notice, RecoverDatabaseInput, DatabaseState } from '../domain/app.ts';
import { Settings, SettingsPatch } from '../domain/settings.ts';
import { defineEvent, defineMethod, type EventSpec, type MethodSpec } from './define.ts';
import type { EventName, MethodName } from './names.ts';

const NoInput = z.object({}).strict();

/** The one table of everything the UI may ask of the core. Both bindings (IPC and HTTP) serve exactly this. */
export const methods = {
  'app.info': defineMethod({
    input: NoInput,
    output: AppInfo,
    summary: 'Version, run mode, data folder, database state',
  }),
  'app.health': defineMethod({ input: NoInput, output: Health, summary: 'Liveness and database health' }),
  'settings.get': defineMethod({ input: NoInput, output: Settings, summary: 'Current settings' }),
  'settings.set': defineMethod({ input: SettingsPatch, output: Settings, summary: 'Change some settings' }),
  'database.recover': defineMethod({
    input: RecoverDatabaseInput,
    output: DatabaseState,
    summary: 'Recover from a damaged database: restore a backup or start empty (the damaged file is kept aside)',
  }),
  'notices.dismiss': defineMethod({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.array(Notice),
    summary: 'Dismiss a notice shown to the person',
  }),
} satisfies Record<MethodName, MethodSpec>;

export const events = {
  'settings.changed': defineEvent({ payload: Settings, summary: 'Settings changed (by any window)' }),
  'notices.changed': defineEvent({ payload: z.array(Notice), summary: 'The list of notices changed' }),
} satisfies Record<EventName, EventSpec>;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
