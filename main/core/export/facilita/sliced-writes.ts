import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';

/** The longest one transaction may hold the app: writes are committed and the loop yields past it. */
const SLICE_MS = 15;

/**
 * Writes many rows in short transactions, each ended once it has run SLICE_MS, with a yield
 * between them. A fixed row count cannot keep that promise: what a row costs depends on its indexes,
 * the triggers it fires and how busy the machine is (1,000 registry rows took ~90 ms on a shared one).
 */
export const writeInSlices = async <T>(db: Database, items: readonly T[], write: (item: T) => void): Promise<void> => {
  let next = 0;
  while (next < items.length) {
    const started = performance.now();
    db.transaction(() => {
      do {
        write(items[next] as T);
        next += 1;
      } while (next < items.length && performance.now() - started < SLICE_MS);
    })();
    await yieldToEventLoop();
  }
};
