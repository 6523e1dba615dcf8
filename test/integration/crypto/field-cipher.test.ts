import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../main/core/crypto/field-cipher.ts';

const deskKey = () => randomBytes(32);

describe('the field cipher', () => {
  const cipher = new FieldCipher(deskKey());

  it('round-trips text, with a fresh IV every time', () => {
    const a = cipher.encrypt('RSSMRA80A01H501U', 'citizens.cf:1');
    const b = cipher.encrypt('RSSMRA80A01H501U', 'citizens.cf:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('RSSMRA');
    expect(cipher.decrypt(a, 'citizens.cf:1')).toBe('RSSMRA80A01H501U');
  });

  it('refuses a value moved to another context or tampered with', () => {
    const token = cipher.encrypt('Maria', 'citizens.first_name:1');
    expect(() => cipher.decrypt(token, 'citizens.first_name:2')).toThrow(expect.objectContaining({ code: 'STORAGE' }));
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => cipher.decrypt(tampered, 'citizens.first_name:1')).toThrow(
      expect.objectContaining({ code: 'STORAGE' }),
    );
  });

  it('refuses a value encrypted under another desk key', () => {
    const other = new FieldCipher(deskKey());
    expect(() => other.decrypt(cipher.encrypt('x'))).toThrow(expect.objectContaining({ code: 'STORAGE' }));
  });

  it('gives stable lookup hashes per purpose, different across desks', () => {
    const other = new FieldCipher(deskKey());
    expect(cipher.lookupHash('RSSMRA80A01H501U', 'cf')).toBe(cipher.lookupHash('RSSMRA80A01H501U', 'cf'));
    expect(cipher.lookupHash('RSSMRA80A01H501U', 'cf')).not.toBe(cipher.lookupHash('RSSMRA80A01H501U', 'email'));
    expect(other.lookupHash('RSSMRA80A01H501U', 'cf')).not.toBe(cipher.lookupHash('RSSMRA80A01H501U', 'cf'));
  });
});
