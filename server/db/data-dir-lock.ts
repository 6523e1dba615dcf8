import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Claims the PGlite data folder for this process (PGlite is single-process: a second opener would
 * damage it). A lock left by a killed process is taken over. Returns the release function.
 */
export const claimDataDir = (dataDir: string): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'hub.pid');
  let holder = NaN;
  try {
    holder = Number(readFileSync(file, 'utf8'));
  } catch {
    // No lock yet.
  }
  if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
    throw new Error(
      `another hub process (pid ${holder}) is using ${dataDir}; stop it first, or use the admin API while it runs`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
};
