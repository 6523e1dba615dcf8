import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Console passwords, hashed with scrypt (memory-hard: each guess costs 64 MiB of memory, so GPU
 * farms gain little). N = 2^16, r = 8, p = 1 is OWASP's scrypt recommendation; the parameters are
 * stored with each hash so they can be raised later without invalidating old ones.
 */
const PARAMETERS = { N: 2 ** 16, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
export const MIN_PASSWORD_LENGTH = 12;

const derive = (password: string, salt: Buffer, options: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((done, fail) => {
    const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, scryptOptions, (error, key) =>
      error ? fail(error) : done(key),
    );
  });

/** `scrypt$N$r$p$salt$key`, both base64url. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, PARAMETERS);
  const { N, r, p } = PARAMETERS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** Checked for an unknown e-mail too, so the time taken does not tell which addresses have accounts. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')));
