import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppFailure } from '../rpc/app-failure.ts';

export const MASTER_KEY_BYTES = 32;

/** Where the desk's master key comes from: the OS keychain in Electron, a private key file in browser mode. */
export interface KeyProvider {
  /** Returns the 32-byte master key, creating it on first use. Throws AppFailure('STORAGE') if it cannot. */
  loadOrCreate(): Buffer;
}

export const KEY_FILE_NAME = 'desk.key';

/**
 * Browser mode and scripts: the key in a file readable only by the user (0600), next to the data.
 * Weaker than a keychain (anyone who can read the user's files can read it); said so in the README.
 */
export const fileKeyProvider = (dataDir: string): KeyProvider => ({
  loadOrCreate() {
    const file = join(dataDir, KEY_FILE_NAME);
    if (existsSync(file)) {
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== MASTER_KEY_BYTES)
        throw new AppFailure('STORAGE', 'The key file is damaged', { reason: 'keyDamaged' });
      // Tighten permissions that someone loosened; on Windows mode bits do not apply.
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return key;
    }
    mkdirSync(dirname(file), { recursive: true });
    const key = randomBytes(MASTER_KEY_BYTES);
    writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return key;
  },
});
