import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../main/core/crypto/field-cipher.ts';
import { fileKeyProvider, KEY_FILE_NAME } from '../../../main/core/crypto/key-provider.ts';
import { tempDataDir } from '../../support/host-process.ts';

describe('the field cipher', () => {
  const cipher = new FieldCipher(fileKeyProvider(tempDataDir('key')).loadOrCreate());

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
    const other = new FieldCipher(fileKeyProvider(tempDataDir('key')).loadOrCreate());
    expect(() => other.decrypt(cipher.encrypt('x'))).toThrow(expect.objectContaining({ code: 'STORAGE' }));
  });

  it('gives stable lookup hashes per purpose, different across desks', () => {
    const other = new FieldCipher(fileKeyProvider(tempDataDir('key')).loadOrCreate());
    expect(cipher.lookupHash('RSSMRA80A01H501U', 'cf')).toBe(cipher.lookupHash('RSSMRA80A01H501U', 'cf'));
    expect(cipher.lookupHash('RSSMRA80A01H501U', 'cf')).not.toBe(cipher.lookupHash('RSSMRA80A01H501U', 'email'));
    expect(other.lookupHash('RSSMRA80A01H501U', 'cf')).not.toBe(cipher.lookupHash('RSSMRA80A01H501U', 'cf'));
  });
});

describe('the key file (browser mode)', () => {
  it('is created once, readable only by the user, and reused', () => {
    const dir = tempDataDir('key');
    const first = fileKeyProvider(dir).loadOrCreate();
    expect(fileKeyProvider(dir).loadOrCreate().equals(first)).toBe(true);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')).toBe(first.toString('base64'));
  });

  it('a damaged key file is a clear STORAGE error, never a silent new key', () => {
    const dir = tempDataDir('key');
    writeFileSync(join(dir, KEY_FILE_NAME), 'short');
    expect(() => fileKeyProvider(dir).loadOrCreate()).toThrow(expect.objectContaining({ code: 'STORAGE' }));
    expect(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')).toBe('short');
  });
});
