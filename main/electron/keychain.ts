import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { MASTER_KEY_BYTES, type KeyProvider } from '../core/crypto/key-provider.ts';
import { AppFailure } from '../core/rpc/app-failure.ts';

const SEALED_KEY_FILE = 'desk.key.sealed';

/**
 * Electron: the desk's master key sealed by the OS keychain (safeStorage). On Linux, `basic_text`
 * means no keychain is running and the "encryption" is a fixed, public key: we refuse it rather
 * than pretend the citizens' data is protected.
 */
export const keychainKeyProvider = (dataDir: string): KeyProvider => ({
  loadOrCreate() {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppFailure('STORAGE', 'The system keychain is not available', { reason: 'keychainUnavailable' });
    }
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new AppFailure('STORAGE', 'Only the plain-text keychain backend is available', {
        reason: 'keychainBasicText',
      });
    }
    const file = join(dataDir, SEALED_KEY_FILE);
    if (existsSync(file)) {
      const key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
      if (key.length !== MASTER_KEY_BYTES)
        throw new AppFailure('STORAGE', 'The sealed key is damaged', { reason: 'keyDamaged' });
      return key;
    }
    const key = randomBytes(MASTER_KEY_BYTES);
    writeFileSync(file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    return key;
  },
});
