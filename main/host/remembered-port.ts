import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'browser-port';

/**
 * Browser mode's address stays the same from one start to the next (the port is remembered in the
 * data folder), so what a page kept in the browser's storage (a draft typed while the host was
 * gone: renderer/src/features/sessions/draft-copy.ts) is there again after a restart: a page's
 * storage belongs to its address. 0 when none was remembered.
 */
export const rememberedPort = (dataDir: string): number => {
  try {
    const port = Number(readFileSync(join(dataDir, FILE), 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port <= 65535 ? port : 0;
  } catch {
    return 0;
  }
};

export const rememberPort = (dataDir: string, port: number): void => {
  try {
    writeFileSync(join(dataDir, FILE), `${port}\n`);
  } catch {
    // Not remembering only means a new address next time.
  }
};
