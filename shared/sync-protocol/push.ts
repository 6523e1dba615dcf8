import { z } from 'zod';
import { EntityName, JsonObject, MAX_BATCH, RecordId, Uuid } from './common.ts';

export const ChangeOp = z.enum(['upsert', 'delete']);

/** One outbox row as the desk sends it. `createdAt` is the desk's clock: data, never an ordering. */
export const PushChange = z
  .object({
    changeId: Uuid,
    seq: z.int().min(1),
    entity: EntityName,
    recordId: RecordId,
    op: ChangeOp,
    version: z.int().min(1),
    baseVersion: z.int().min(1).nullable(),
    payload: JsonObject,
    createdAt: z.string().max(40),
    /** The change id of a conflict this change settles (keep mine / keep theirs / merged). */
    resolves: Uuid.optional(),
  })
  .strict()
  .refine((change) => change.baseVersion === null || change.baseVersion < change.version, {
    message: 'version must be greater than baseVersion',
    path: ['version'],
  });
export type PushChange = z.infer<typeof PushChange>;

export const PushRequest = z
  .object({
    /** Must be the device the token belongs to: a desk writes only as itself. */
    deviceId: Uuid,
    /** The seq of the desk's outbox row just before this batch (0 for none): the hub's high-water mark must have reached it. */
    previousSeq: z.int().min(0),
    changes: z.array(PushChange).min(1).max(MAX_BATCH),
    /** Unsent changes on the desk before this push, for the admin's list of desks. */
    backlog: z.int().min(0),
  })
  .strict()
  .refine(
    (request) =>
      request.changes.every((change, index) => index === 0 || change.seq > (request.changes[index - 1]?.seq ?? 0)) &&
      (request.changes[0]?.seq ?? 0) > request.previousSeq,
    { message: 'changes must be in increasing seq order, after previousSeq', path: ['changes'] },
  );
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * The hub's answer for one change:
 * - acknowledged: stored (detail: applied, replayed — seen before, superseded — a delete that lost to a concurrent edit);
 * - conflict: stale base or same version with other content; both versions are kept at the hub, `theirs` is the hub's;
 * - rejected: never retried by itself; the desk shows the reason until a person acts;
 * - deferred: not looked at (an earlier change of this desk is missing); send again from `highWater`.
 */
export const ChangeOutcome = z.enum(['acknowledged', 'conflict', 'rejected', 'deferred']);
export type ChangeOutcome = z.infer<typeof ChangeOutcome>;

export const TheirVersion = z.object({ version: z.int(), op: ChangeOp, payload: JsonObject });
export type TheirVersion = z.infer<typeof TheirVersion>;

export const PushResult = z.object({
  changeId: Uuid,
  seq: z.int(),
  outcome: ChangeOutcome,
  detail: z.string().optional(),
  reason: z.object({ code: z.string(), message: z.string() }).optional(),
  theirs: TheirVersion.optional(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({
  /** The last seq of this desk the hub has answered for. */
  highWater: z.int().min(0),
  results: z.array(PushResult),
});
export type PushResponse = z.infer<typeof PushResponse>;
