import { createHash, hkdfSync } from 'node:crypto';
import { base32Codec } from '../../../shared/ids/base32.ts';

export const MASTER_KEY_BYTES = 32;

/** Crockford's base32: no I, L, O or U, so nothing typed back can be confused. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 3;
const GROUP = 4;
/** 32 key bytes and 3 check bytes are 280 bits: 56 characters, 14 groups of 4. */
export const RECOVERY_GROUPS = ((MASTER_KEY_BYTES + CHECK_BYTES) * 8) / 5 / GROUP;
/** How many groups, from the end, the coordinator types back at set-up to show the key was taken. */
export const CONFIRM_GROUPS = 2;

const checkOf = (key: Buffer) => createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);

const CROCKFORD = base32Codec(ALPHABET);
const toBase32 = (bytes: Buffer): string => CROCKFORD.encode(bytes);
const fromBase32 = (text: string): Buffer | null => {
  const bytes = CROCKFORD.decode(text);
  return bytes ? Buffer.from(bytes) : null;
};

/** What a person may type: any case, spaces or dashes anywhere, O for 0 and I or L for 1. */
const normalise = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

/**
 * The recovery key is the journal's master key itself, written for people: 14 groups of four
 * characters with a checksum, so a mistyped key is told apart from a wrong one.
 */
export const recoveryKeyOf = (key: Buffer): string =>
  (toBase32(Buffer.concat([key, checkOf(key)])).match(new RegExp(`.{${GROUP}}`, 'g')) ?? []).join('-');

export type ParsedRecoveryKey = { ok: true; key: Buffer } | { ok: false; reason: 'malformed' };

export const parseRecoveryKey = (typed: string): ParsedRecoveryKey => {
  const text = normalise(typed);
  const bytes = text.length === RECOVERY_GROUPS * GROUP ? fromBase32(text) : null;
  if (!bytes || bytes.length !== MASTER_KEY_BYTES + CHECK_BYTES) return { ok: false, reason: 'malformed' };
  const key = bytes.subarray(0, MASTER_KEY_BYTES);
  if (!checkOf(key).equals(bytes.subarray(MASTER_KEY_BYTES))) return { ok: false, reason: 'malformed' };
  return { ok: true, key: Buffer.from(key) };
};

/** The last groups of the key, as the set-up step asks for them back. */
export const confirmationPartOf = (key: Buffer): string =>
  recoveryKeyOf(key).split('-').slice(-CONFIRM_GROUPS).join('');

export const matchesConfirmation = (key: Buffer, typed: string): boolean =>
  normalise(typed) === confirmationPartOf(key);

/**
 * The key's id: a fingerprint that names the key without revealing it (HKDF is one-way), written
 * in the database so a journal can tell the key that made it from any other.
 */
export const keyIdOf = (key: Buffer): string =>
  toBase32(Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'passopasso/key-id/v1', 10))).replace(
    /(.{4})(?=.)/g,
    '$1-',
  );
