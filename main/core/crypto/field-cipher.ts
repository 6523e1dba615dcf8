import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppFailure } from '../rpc/app-failure.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const derive = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `passopasso/${purpose}`, 32));

/**
 * Field-level encryption of identifying data at rest (docs/architecture.md §3): AES-256-GCM with a fresh IV
 * per value, and a keyed HMAC to recognise a returning citizen without storing the clear value.
 * Separate keys for each purpose are derived from the desk's master key with HKDF.
 *
 * `context` (e.g. "citizens.last_name:<id>") is authenticated with the value, so a ciphertext
 * copied into another column or record fails to decrypt instead of showing the wrong person's data.
 */
export class FieldCipher {
  readonly #encryptionKey: Buffer;
  readonly #hmacKey: Buffer;
  readonly #pageCopyKey: Buffer;

  constructor(masterKey: Buffer) {
    this.#encryptionKey = derive(masterKey, 'field-encryption/v1');
    this.#hmacKey = derive(masterKey, 'lookup-hmac/v1');
    this.#pageCopyKey = derive(masterKey, 'page-draft-copy/v1');
  }

  /**
   * The key a form's page encrypts its own copy of a draft with while the core cannot save it (the
   * core stopped): one per operator, held by the page in memory only, so the copy in the browser's
   * storage is unreadable without this desk's key and that operator's sign-in.
   */
  pageCopyKey(operatorId: string): string {
    return derive(this.#pageCopyKey, `operator/${operatorId}`).toString('base64url');
  }

  encrypt(plain: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(token: string, context = ''): string {
    const [version, encoded] = token.split('.');
    if (version !== VERSION || !encoded) throw new AppFailure('STORAGE', 'Unknown encrypted value format');
    const raw = Buffer.from(encoded, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new AppFailure('STORAGE', 'An encrypted value could not be read (wrong key or tampered data)');
    }
  }

  encryptJson(value: unknown, context = ''): string {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T>(token: string, context = ''): T {
    return JSON.parse(this.decrypt(token, context)) as T;
  }

  /** Keyed HMAC-SHA256 for lookups (e.g. the codice fiscale): equal inputs, equal digests; no way back. */
  lookupHash(value: string, purpose: string): string {
    return createHmac('sha256', this.#hmacKey).update(`${purpose}\u0000${value}`).digest('hex');
  }
}
