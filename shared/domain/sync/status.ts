import { z } from 'zod';

/** Why the last sync failed, as the UI explains it (each code has a translation in sync.json). */
export const SYNC_ERROR_CODES = [
  'OFFLINE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'VALIDATION',
  'TOO_LARGE',
  'RATE_LIMITED',
  'SERVER',
  'INSECURE_URL',
  'PROTOCOL',
  'PACK_INVALID',
] as const;
export const SyncErrorCode = z.enum(SYNC_ERROR_CODES);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export const SYNC_PHASES = ['notEnrolled', 'idle', 'syncing', 'offline', 'retrying', 'blocked'] as const;

export const SyncStatus = z.object({
  enrolled: z.boolean(),
  hubUrl: z.string().nullable(),
  organisationName: z.string().nullable(),
  siteName: z.string().nullable(),
  online: z.boolean(),
  /** blocked: the hub refused us (token, validation); no automatic retry until a person acts. */
  phase: z.enum(SYNC_PHASES),
  unsent: z.int(),
  rejected: z.int(),
  conflicts: z.int(),
  /** This desk's Facilita exports the hub found already exported (not to upload), not marked uploaded. */
  exportConflicts: z.int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: SyncErrorCode, message: z.string(), at: z.string() }).nullable(),
  /** While a backlog is being sent: changes sent in this run and the run's total. */
  progress: z.object({ sent: z.int(), total: z.int() }).nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const VersionView = z.object({
  version: z.int(),
  op: z.enum(['upsert', 'delete']),
  payload: z.record(z.string(), z.unknown()),
});
export type VersionView = z.infer<typeof VersionView>;

/** What the record is, as a person names it: the citizen's name, a session's day and citizen, a workshop's title. */
export const RECORD_KINDS = [
  'citizen',
  'session',
  'followUp',
  'workshop',
  'participant',
  'operator',
  'site',
  'other',
] as const;
export const RecordSubject = z.object({
  kind: z.enum(RECORD_KINDS),
  /** A citizen's or operator's name, a workshop's title (decrypted on this desk; null when unknown here). */
  name: z.string().nullable(),
  /** The citizen a session, follow-up or participant is about. */
  citizen: z.string().nullable(),
  /** A session's day, a follow-up's due day (yyyy-mm-dd). */
  date: z.string().nullable(),
});
export type RecordSubject = z.infer<typeof RecordSubject>;

export const SyncProblem = z.object({
  changeId: z.string(),
  seq: z.int(),
  kind: z.enum(['rejected', 'conflict']),
  entity: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  reason: z.object({ code: z.string(), message: z.string() }),
  subject: RecordSubject,
  /**
   * For a conflict: this desk's version and the hub's, and which fields differ — without a
   * secret or the record's own id (shared/domain/sync/shown-fields.ts): they never reach the screen.
   */
  conflict: z.object({ mine: VersionView, theirs: VersionView, differingFields: z.array(z.string()) }).nullable(),
  /** People's names and titles for the record ids the versions hold (citizenId, trainerId, workshopId). */
  names: z.record(z.string(), z.string()),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

export const EnrollInput = z
  .object({
    hubUrl: z.string().trim().min(1).max(500),
    code: z.string().trim().min(4).max(64),
  })
  .strict();

export const ResolveInput = z
  .object({
    changeId: z.string().min(1),
    choice: z.enum(['mine', 'theirs', 'fields']),
    /** For 'fields': the version to keep for each differing field. */
    fields: z.record(z.string(), z.enum(['mine', 'theirs'])).optional(),
  })
  .strict();
export type ResolveInput = z.infer<typeof ResolveInput>;
