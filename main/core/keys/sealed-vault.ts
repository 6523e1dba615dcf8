import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileKeyVault, KEY_FILE_NAME, type KeyVault, type VaultRead } from './key-vault.ts';
import { MASTER_KEY_BYTES } from './recovery-key.ts';

export const SEALED_KEY_FILE = 'desk.key.sealed';
export const KEYCHAIN_RECORD_FILE = 'keychain.json';

/**
 * The OS service that seals secrets (Electron's safeStorage behind it). Tests give a fake one:
 * it stands for the operating system, not for any of our code.
 */
export interface Keychain {
  /** Linux: the backend Electron selected ('basic_text' when there is no Secret Service); elsewhere 'os'. */
  backend(): string;
  isAvailable(): Promise<boolean>;
  seal(plain: string): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<string>;
}

/** Which protection the desk chose, kept next to the data so the same one is used every start. */
export type KeychainRecord = { protection: 'keychain'; backend: string } | { protection: 'file' };

export const WEAK_BACKEND = 'basic_text';

export const readKeychainRecord = (dataDir: string): KeychainRecord | null => {
  try {
    const record = JSON.parse(readFileSync(join(dataDir, KEYCHAIN_RECORD_FILE), 'utf8')) as KeychainRecord;
    return record.protection === 'file' || record.protection === 'keychain' ? record : null;
  } catch {
    return null;
  }
};

const writeAtomically = (file: string, data: string | Buffer) => {
  writeFileSync(`${file}.partial`, data, { mode: 0o600 });
  renameSync(`${file}.partial`, file);
};

/**
 * Electron: the master key sealed by the OS keychain. An existing `desk.key` (browser mode wrote
 * it) is imported — sealed, checked, then removed — so one folder never ends up under two keys.
 * A plain-text keychain (Linux `basic_text`) is refused until the person explicitly chooses the
 * file key; that choice, like the backend that sealed the key, is recorded and used again.
 */
export const sealedKeyVault = (dataDir: string, keychain: Keychain): KeyVault => {
  const sealedFile = join(dataDir, SEALED_KEY_FILE);
  const recordFile = join(dataDir, KEYCHAIN_RECORD_FILE);
  const fileVault = fileKeyVault(dataDir);
  const chosenFile = () => readKeychainRecord(dataDir)?.protection === 'file';

  const seal = async (key: Buffer) => {
    const sealed = await keychain.seal(key.toString('base64'));
    // Read back before trusting it: a keychain that cannot unseal what it sealed loses the key.
    if (!Buffer.from(await keychain.unseal(sealed), 'base64').equals(key))
      throw new Error('Keychain round trip failed');
    writeAtomically(sealedFile, sealed);
    writeAtomically(recordFile, JSON.stringify({ protection: 'keychain', backend: keychain.backend() }));
  };

  const read = async (): Promise<VaultRead> => {
    if (chosenFile()) return fileVault.read();
    if (keychain.backend() === WEAK_BACKEND) return { kind: 'problem', problem: 'weakKeychain' };
    if (!(await keychain.isAvailable())) return { kind: 'problem', problem: 'keychainUnavailable' };
    if (existsSync(sealedFile)) {
      try {
        const key = Buffer.from(await keychain.unseal(readFileSync(sealedFile)), 'base64');
        return key.length === MASTER_KEY_BYTES ? { kind: 'key', key } : { kind: 'problem', problem: 'keyDamaged' };
      } catch {
        return { kind: 'problem', problem: 'keyDamaged' };
      }
    }
    const plain = fileVault.readNow();
    if (plain.kind !== 'key') return plain;
    await seal(plain.key);
    rmSync(join(dataDir, KEY_FILE_NAME), { force: true });
    return plain;
  };

  return {
    protection: () => (chosenFile() ? 'file' : keychain.backend()),
    read,
    async write(key) {
      if (chosenFile()) return fileVault.write(key);
      await seal(key);
    },
    acceptFileKey() {
      writeAtomically(recordFile, JSON.stringify({ protection: 'file' }));
      return Promise.resolve();
    },
  };
};

/**
 * Linux: Electron's `--password-store` value that selects again the backend that sealed the key
 * (a desktop-session change would otherwise pick another one, which cannot unseal it).
 */
export const passwordStoreSwitch = (record: KeychainRecord | null): string | null => {
  if (record?.protection !== 'keychain') return null;
  const switches: Record<string, string> = {
    gnome_libsecret: 'gnome-libsecret',
    kwallet: 'kwallet',
    kwallet5: 'kwallet5',
    kwallet6: 'kwallet6',
  };
  return switches[record.backend] ?? null;
};
