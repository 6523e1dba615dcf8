import { z } from 'zod';
import { AppInfo, DatabaseState, Health, Notice, RecoverDatabaseInput } from '../../../domain/app.ts';
import { Settings, SettingsPatch } from '../../../domain/settings.ts';
import { defineEvent, defineMethod, NoInput, type EventSpec, type MethodSpec } from '../../define.ts';
import type { APP_EVENT_NAMES, APP_METHOD_NAMES } from './names.ts';

export const appMethods = {
  'app.info': defineMethod({
    access: 'public',
    input: NoInput,
    output: AppInfo,
    summary: 'Version, run mode, data folder, database state',
  }),
  'app.health': defineMethod({
    access: 'public',
    input: NoInput,
    output: Health,
    summary: 'Liveness and database health',
  }),
  'settings.get': defineMethod({
    access: 'public',
    input: NoInput,
    output: Settings,
    summary: 'Current settings',
  }),
  'settings.set': defineMethod({
    access: 'desk',
    input: SettingsPatch,
    output: Settings,
    summary: 'Change some settings',
  }),
  'database.recover': defineMethod({
    access: 'desk',
    input: RecoverDatabaseInput,
    output: DatabaseState,
    summary: 'Recover from a damaged database: restore a backup or start empty (the damaged file is kept aside)',
  }),
  'notices.dismiss': defineMethod({
    access: 'desk',
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.array(Notice),
    summary: 'Dismiss a notice shown to the person',
  }),
} satisfies Record<(typeof APP_METHOD_NAMES)[number], MethodSpec>;

export const appEvents = {
  'settings.changed': defineEvent({ payload: Settings, summary: 'Settings changed (by any window)' }),
  'notices.changed': defineEvent({ payload: z.array(Notice), summary: 'The list of notices changed' }),
} satisfies Record<(typeof APP_EVENT_NAMES)[number], EventSpec>;
