import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';

const SIDE_FILES = ['', '-wal', '-shm'] as const;

const stampOf = (now: Date) =>
  now
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Moves a database and its WAL/SHM companions into `<dataDir>/damaged/<stamp>/`, never deleting
 * them: what a damaged file still holds may be recoverable by support.
 */
export const keepAside = (file: string, damagedRoot: string, now: Date): string => {
  const folder = join(damagedRoot, stampOf(now));
  mkdirSync(folder, { recursive: true });
  for (const suffix of SIDE_FILES) {
    const source = `${file}${suffix}`;
    if (existsSync(source)) renameSync(source, join(folder, `${basename(file)}${suffix}`));
  }
  return folder;
};

/** Copies a backup into place as the live database (the caller has already moved the old one aside). */
export const restoreFrom = (backupFile: string, file: string): void => {
  copyFileSync(backupFile, `${file}.restoring`);
  renameSync(`${file}.restoring`, file);
};
