import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MASTER_KEY_BYTES } from './recovery-key.ts';

export const KEY_FILE_NAME = 'desk.key';

/** Why a vault has no key to give, each shown to the person as its own screen. */
export type VaultProblem = 'keychainUnavailable' | 'weakKeychain' | 'keyDamaged';

export type VaultRead = { kind: 'key'; key: Buffer } | { kind: 'empty' } | { kind: 'problem'; problem: VaultProblem };

/** Where the desk's master key is kept on this machine: a key file, or sealed by the OS keychain. */
export interface KeyVault {
  /** How the key is protected here ('file', or the keychain backend that sealed it). */
  protection(): string;
  read(): Promise<VaultRead>;
  /** Keeps a key (a new one, or one typed back from the recovery key), replacing any other. */
  write(key: Buffer): Promise<void>;
  /** Only where the keychain is too weak to use: the person chose the file key instead. */
  acceptFileKey?(): Promise<void>;
}

/** The key file's synchronous side, for callers that cannot wait (scripts, tests, the default core). */
export interface FileKeyVault extends KeyVault {
  readNow(): VaultRead;
  writeNow(key: Buffer): void;
}

/**
 * Browser mode and scripts (and Electron where the person chose it): the key in a file readable
 * only by the user (0600), next to the data. Weaker than a keychain: anyone who can read the
 * user's files can read it (README, "Keys").
 */
export const fileKeyVault = (dataDir: string): FileKeyVault => {
  const file = join(dataDir, KEY_FILE_NAME);
  const readNow = (): VaultRead => {
    if (!existsSync(file)) return { kind: 'empty' };
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== MASTER_KEY_BYTES) return { kind: 'problem', problem: 'keyDamaged' };
    // Tighten permissions that someone loosened; on Windows mode bits do not apply.
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { kind: 'key', key };
  };
  const writeNow = (key: Buffer): void => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  };
  return {
    protection: () => 'file',
    readNow,
    writeNow,
    read: () => Promise.resolve(readNow()),
    write: (key) => Promise.resolve(writeNow(key)),
  };
};
