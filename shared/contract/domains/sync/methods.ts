import { z } from 'zod';
import { EnrollInput, ResolveInput, SyncProblem, SyncStatus } from '../../../domain/sync/status.ts';
import { defineEvent, defineMethod, NoInput, type EventSpec, type MethodSpec } from '../../define.ts';
import type { SYNC_EVENT_NAMES, SYNC_METHOD_NAMES } from './names.ts';

const ChangeRef = z.object({ changeId: z.string().min(1) }).strict();

export const syncMethods = {
  'sync.status': defineMethod({
    access: 'desk',
    input: NoInput,
    output: SyncStatus,
    summary: 'Online, unsent, last sync, last error',
  }),
  'sync.enroll': defineMethod({
    access: 'coordinatorOnceSetUp',
    input: EnrollInput,
    output: SyncStatus,
    summary: "Enroll this desk with a hub (address + one-time code from the hub's admin)",
  }),
  'sync.now': defineMethod({
    access: 'operator',
    input: NoInput,
    output: SyncStatus,
    summary: 'Sync now (also retries after a refusal)',
  }),
  'sync.reportOnline': defineMethod({
    access: 'desk',
    input: z.object({ online: z.boolean() }).strict(),
    output: SyncStatus,
    summary: "The UI's online/offline signal (navigator.onLine)",
  }),
  'sync.problems': defineMethod({
    access: 'coordinator',
    input: NoInput,
    output: z.array(SyncProblem),
    summary: 'Changes the hub rejected or found in conflict, with reasons',
  }),
  'sync.retry': defineMethod({
    access: 'coordinator',
    input: ChangeRef,
    output: z.array(SyncProblem),
    summary: 'Send a rejected change again',
  }),
  'sync.resolve': defineMethod({
    access: 'coordinator',
    input: ResolveInput,
    output: z.array(SyncProblem),
    summary: 'Resolve a conflict: keep mine, keep theirs, or field by field',
  }),
} satisfies Record<(typeof SYNC_METHOD_NAMES)[number], MethodSpec>;

export const syncEvents = {
  'sync.status': defineEvent({ payload: SyncStatus, summary: 'The sync status changed' }),
} satisfies Record<(typeof SYNC_EVENT_NAMES)[number], EventSpec>;
