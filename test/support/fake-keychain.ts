import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keychain } from '../../main/core/keys/sealed-vault.ts';

/**
 * A stand-in for the operating system's keychain (what Electron's safeStorage talks to): it seals
 * with a secret of its own, which `reset()` throws away as a keyring reset or a re-imaged PC would.
 */
export class FakeKeychain implements Keychain {
  #secret = randomBytes(32);
  available = true;
  selected: string;
  sealCalls = 0;

  constructor(backend = 'gnome_libsecret') {
    this.selected = backend;
  }

  backend(): string {
    return this.selected;
  }

  isAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }

  seal(plain: string): Promise<Buffer> {
    if (!this.available) return Promise.reject(new Error('keychain not available'));
    this.sealCalls += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#secret, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  unseal(sealed: Buffer): Promise<string> {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Promise.resolve(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8'));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('unseal failed'));
    }
  }

  reset(): void {
    this.#secret = randomBytes(32);
  }
}
