import type { Keychain } from '../core/keys/sealed-vault.ts';

type SafeStorage = Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * The OS keychain as the core's key vault sees it, through safeStorage's asynchronous calls (the
 * synchronous ones are deprecated in Electron 45 and block the main thread on a keychain prompt).
 * The backend matters only on Linux, where `basic_text` means no Secret Service is running.
 */
export const electronKeychain = (safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): Keychain => ({
  backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  seal: (plain) => safeStorage.encryptStringAsync(plain),
  unseal: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
});
