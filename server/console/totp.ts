import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RFC4648_BASE32 } from '../../shared/ids/base32.ts';

/** TOTP (RFC 6238) over HOTP (RFC 4226), as every authenticator app speaks it: SHA-1, 6 digits, 30 s. */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';
export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  stepSeconds?: number;
}

export const base32Encode = (bytes: Uint8Array): string => RFC4648_BASE32.encode(bytes);

export const base32Decode = (text: string): Buffer => {
  const bytes = RFC4648_BASE32.decode(text.replace(/[\s=-]/g, '').toUpperCase());
  if (!bytes) throw new Error('Not base32');
  return Buffer.from(bytes);
};

/** HOTP value of one counter (RFC 4226 §5.3: dynamic truncation). */
export const hotp = (secret: Uint8Array, counter: number, algorithm: TotpAlgorithm = 'sha1', digits = 6): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
};

export const totpStep = (unixSeconds: number, stepSeconds = 30): number => Math.floor(unixSeconds / stepSeconds);

export const totp = (secret: Uint8Array, unixSeconds: number, options: TotpOptions = {}): string =>
  hotp(secret, totpStep(unixSeconds, options.stepSeconds), options.algorithm, options.digits);

/**
 * The time step a code belongs to, allowing one step either side for a clock that drifts, or null.
 * Only steps after `lastUsedStep` count: a code seen once is never accepted again (RFC 6238 §5.2).
 */
export const matchingStep = (
  secret: Uint8Array,
  code: string,
  unixSeconds: number,
  lastUsedStep: number | null,
): number | null => {
  const given = Buffer.from(code.replace(/\s/g, ''));
  const now = totpStep(unixSeconds);
  for (const step of [now - 1, now, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = Buffer.from(hotp(secret, step));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return step;
  }
  return null;
};

export const newTotpSecret = (): string => base32Encode(randomBytes(20));

/** The otpauth:// address an authenticator app reads from a QR code. */
export const otpauthUri = (secret: string, account: string, issuer = 'PassoPasso'): string =>
  `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
