import { z } from 'zod';
import { Role } from '../domain/journal/operators.ts';
import { JsonObject, Uuid } from './common.ts';

/** What the hub sends down to desks (a generic feed: the desk stores every kind, knows a few). */
export const FEED_KINDS = ['operator', 'siteSettings', 'guidePack', 'facilitaExport'] as const;
export const FeedKind = z.enum(FEED_KINDS);
export type FeedKind = z.infer<typeof FeedKind>;

export const PULL_MAX_LIMIT = 500;

export const PullRequest = z
  .object({
    deviceId: Uuid,
    /** The cursor of the last item applied (0 at first). */
    after: z.int().min(0),
    limit: z.int().min(1).max(PULL_MAX_LIMIT).default(200),
    backlog: z.int().min(0).optional(),
    /** The desk app's version, for the admin's list of desks ("which desk still runs 0.1?"). */
    appVersion: z.string().min(1).max(40).optional(),
  })
  .strict();
export type PullRequest = z.input<typeof PullRequest>;

export const FeedItem = z.object({
  /** Hub-assigned, strictly increasing, never reused: the desk stores the last one it applied. */
  cursor: z.int().min(1),
  kind: FeedKind,
  key: z.string().min(1).max(200),
  deleted: z.boolean(),
  payload: JsonObject,
});
export type FeedItem = z.infer<typeof FeedItem>;

export const PullResponse = z.object({
  items: z.array(FeedItem),
  /** Store this with the applied items, in the same transaction. */
  nextCursor: z.int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** A guide pack as published on the hub: every file, and the SHA-256 over them (see packDigestInput). */
export const GuidePackPayload = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/),
  version: z.string().max(40),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Relative path → base64 content. */
  files: z.record(z.string().regex(/^(?!.*\.\.)[A-Za-z0-9_./-]{1,200}$/), z.string()),
});
export type GuidePackPayload = z.infer<typeof GuidePackPayload>;

export const OperatorPayload = z.object({
  displayName: z.string().min(1).max(120),
  /** The desk's own roles, one enum everywhere (desk, hub API, CLI). */
  role: Role,
  active: z.boolean(),
  siteId: Uuid.nullable(),
});
export type OperatorPayload = z.infer<typeof OperatorPayload>;
