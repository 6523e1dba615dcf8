import type { z } from 'zod';
import type { EventSpec, MethodSpec } from './define.ts';
import { appEvents, appMethods } from './domains/app/methods.ts';
import { syncEvents, syncMethods } from './domains/sync/methods.ts';
import { guidesEvents, guidesMethods } from './domains/guides/methods.ts';
import { journalEvents, journalMethods } from './domains/journal/methods.ts';
import { facilitaEvents, facilitaMethods } from './domains/facilita/methods.ts';
import { dashboardsEvents, dashboardsMethods } from './domains/dashboards/methods.ts';
import { keysEvents, keysMethods } from './domains/keys/methods.ts';
import { shellEvents, shellMethods } from './domains/shell/methods.ts';
import type { EventName, MethodName } from './names.ts';

/**
 * The one table of everything the UI may ask of the core, composed from each domain's table
 * (`domains/<domain>/methods.ts`). Both bindings (IPC and HTTP) serve exactly this.
 */
export const methods = {
  ...appMethods,
  ...syncMethods,
  ...guidesMethods,
  ...journalMethods,
  ...facilitaMethods,
  ...dashboardsMethods,
  ...keysMethods,
  ...shellMethods,
} satisfies Record<MethodName, MethodSpec>;

export const events = {
  ...appEvents,
  ...syncEvents,
  ...guidesEvents,
  ...journalEvents,
  ...facilitaEvents,
  ...dashboardsEvents,
  ...keysEvents,
  ...shellEvents,
} satisfies Record<EventName, EventSpec>;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
