import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/database.ts';

export const sha256Hex = (value: string | Uint8Array): string => createHash('sha256').update(value).digest('hex');

/** A device token: 256 random bits. The hub stores only its SHA-256, so a database leak gives no working token. */
export const newDeviceToken = (): string => `ppd_${randomBytes(32).toString('base64url')}`;

// No 0/O, 1/I/L: the code is read aloud or copied by hand from the admin's screen.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** A one-time enrollment code, e.g. `K7QM-2XPA-9RTE` (about 59 bits; enroll is rate-limited per address). */
export const newEnrollmentCode = (): string => {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)?.join('-') ?? code;
};

export const normaliseCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();
export const codeHash = (code: string): string => sha256Hex(`enrollment:${normaliseCode(code)}`);

export interface AuthenticatedDevice {
  id: string;
  organisationId: string;
  siteId: string;
}

/** The device a bearer token belongs to, or null (unknown, malformed or revoked: all the same 401 to the caller). */
export const deviceForToken = async (db: Queryable, token: string): Promise<AuthenticatedDevice | null> => {
  if (!/^ppd_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db.query<{ id: string; organisation_id: string; site_id: string }>(
    'SELECT id, organisation_id, site_id FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [sha256Hex(token)],
  );
  return row ? { id: row.id, organisationId: row.organisation_id, siteId: row.site_id } : null;
};

export const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match?.[1] ?? null;
};

/** Constant-time comparison for the admin token (both sides hashed first so lengths match). */
export const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
