import { z } from 'zod';
import { KeyState } from './keys.ts';

export const RUN_MODES = ['electron', 'browser'] as const;

export const DatabaseState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), schemaVersion: z.number().int(), file: z.string() }),
  /** Written by a newer PassoPasso: we refuse to touch it rather than risk the journal. */
  z.object({
    status: z.literal('tooNew'),
    file: z.string(),
    foundVersion: z.number().int(),
    supportedVersion: z.number().int(),
  }),
  /** integrity_check failed or the file is not a database; the person chooses how to recover. */
  z.object({
    status: z.literal('damaged'),
    file: z.string(),
    reason: z.string(),
    backups: z.array(z.object({ name: z.string(), createdAt: z.string(), bytes: z.number() })),
  }),
]);
export type DatabaseState = z.infer<typeof DatabaseState>;

export const NOTICE_KINDS = ['settingsReset', 'databaseRecovered', 'databaseRestored'] as const;
export const Notice = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  /** Where a file was kept aside, so the person (or support) can find it. */
  keptAs: z.string().optional(),
  at: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(RUN_MODES),
  dataDir: z.string(),
  database: DatabaseState,
  /** Whether this desk has the journal's key: a start screen like the database's when not. */
  keys: KeyState,
  notices: z.array(Notice),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'tooNew', 'damaged']),
  uptimeSeconds: z.number(),
  lastBackupAt: z.string().nullable(),
});
export type Health = z.infer<typeof Health>;

export const RecoverDatabaseInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('restoreBackup'), backup: z.string().min(1) }),
  z.object({ action: z.literal('startEmpty') }),
]);
export type RecoverDatabaseInput = z.infer<typeof RecoverDatabaseInput>;
