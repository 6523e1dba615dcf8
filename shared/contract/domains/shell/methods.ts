import { z } from 'zod';
import { defineEvent, type EventSpec, type MethodSpec } from '../../define.ts';
import type { SHELL_EVENT_NAMES, SHELL_METHOD_NAMES } from './names.ts';

export const shellMethods = {} satisfies Record<(typeof SHELL_METHOD_NAMES)[number], MethodSpec>;

export const shellEvents = {
  'shell.printFailed': defineEvent({
    payload: z.object({ reason: z.literal('noViewer') }).strict(),
    summary: 'The desktop could not open the saved sheet: no PDF viewer is installed (Electron)',
  }),
} satisfies Record<(typeof SHELL_EVENT_NAMES)[number], EventSpec>;
