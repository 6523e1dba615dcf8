import { z } from 'zod';

/** The protocol version in every path (`/v1/…`); a breaking change gets `/v2` served alongside. */
export const API_PREFIX = '/v1';

/** A desk sends at most this many changes per push (docs/architecture.md §4). */
export const MAX_BATCH = 1000;

/** What the hub answers on any 4xx/5xx: one code the desk's UI translates, one technical message. */
export const HUB_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'TOO_LARGE',
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export const HubErrorBody = z.object({
  error: z.object({
    code: z.enum(HUB_ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type HubErrorBody = z.infer<typeof HubErrorBody>;

export const Uuid = z.uuid();
/** Entity names are generic (citizen, session, workshop, operator…): the hub stores any it is sent. */
export const EntityName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/);
export const RecordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/);
const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON object: record payloads, tombstones, settings. Checked, not copied: a push carries up to
 * 1,000 payloads, each then checked against its own record schema (record-payloads.ts), and a
 * key-by-key copy here cost about as much as that check (bench:sync).
 */
export const JsonObject = z
  .custom<Record<string, unknown>>(isJsonObject, { message: 'expected a JSON object' })
  .meta({ type: 'object', additionalProperties: true });

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  service: z.literal('passopasso-hub'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
export type Health = z.infer<typeof Health>;
