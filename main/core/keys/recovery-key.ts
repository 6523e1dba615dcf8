import { createHash, hkdfSync } from 'node:crypto';

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

const toBase32 = (bytes: Buffer): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
};

const fromBase32 = (text: string): Buffer | null => {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
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
