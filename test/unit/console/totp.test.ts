import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/console/passwords.ts';
import { base32Decode, base32Encode, matchingStep, totp, totpStep } from '../../../server/console/totp.ts';

// RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's length, 8 digits.
const SEEDS = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)(
    'at %i s gives the RFC test vectors for SHA-1, SHA-256 and SHA-512',
    (time, sha1, sha256, sha512) => {
      expect(totp(SEEDS.sha1, time, { digits: 8, algorithm: 'sha1' })).toBe(sha1);
      expect(totp(SEEDS.sha256, time, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
      expect(totp(SEEDS.sha512, time, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
    },
  );

  it('base32 follows RFC 4648 both ways', () => {
    const pairs = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [text, encoded] of pairs) {
      expect(base32Encode(Buffer.from(text as string))).toBe(encoded);
      expect(base32Decode(`${encoded}======`).toString()).toBe(text);
    }
  });

  it('accepts one step of clock drift either side, never a step already used, never a wrong code', () => {
    const now = 1_700_000_000;
    const step = totpStep(now);
    const at = (offset: number) => totp(SEEDS.sha1, now + offset * 30);
    expect(matchingStep(SEEDS.sha1, at(0), now, null)).toBe(step);
    expect(matchingStep(SEEDS.sha1, at(-1), now, null)).toBe(step - 1);
    expect(matchingStep(SEEDS.sha1, at(1), now, null)).toBe(step + 1);
    expect(matchingStep(SEEDS.sha1, at(2), now, null)).toBeNull();
    expect(matchingStep(SEEDS.sha1, at(0), now, step)).toBeNull();
    const wrong = String((Number(at(0)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchingStep(SEEDS.sha1, wrong, now, null)).toBeNull();
  });
});

describe('console passwords', () => {
  it('are stored as scrypt with their parameters and a salt, and only the right one verifies', async () => {
    const stored = await hashPassword('una password lunga');
    expect(stored).toMatch(/^scrypt\$65536\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword('una password lunga')).not.toBe(stored);
    expect(await verifyPassword('una password lunga', stored)).toBe(true);
    expect(await verifyPassword('una password lungA', stored)).toBe(false);
    expect(await verifyPassword('una password lunga', 'plain$text')).toBe(false);
  });
});
