import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';

/** The longest one transaction may hold the app, its commit included: the loop yields past it. */
const SLICE_MS = 25;
/** At least this long for the statements, however slow the last commit was. */
const MIN_STATEMENTS_MS = 3;

/**
 * Writes many rows in short transactions, each ended once it has run its share of SLICE_MS, with a
 * yield between them. A fixed row count cannot keep that promise: what a row costs depends on its
 * indexes, the triggers it fires and how busy the machine is (1,000 registry rows took ~90 ms on a
 * shared one). The commit is part of the stall (rows spread over a large index dirty a page each,
 * and a commit of a few thousand pages takes tens of milliseconds): the statements get what the
 * last commit left of the slice.
 */
export const writeInSlices = async <T>(db: Database, items: Iterable<T>, write: (item: T) => void): Promise<void> => {
  const iterator = items[Symbol.iterator]();
  let next = iterator.next();
  let lastCommitMs = 0;
  while (!next.done) {
    const started = performance.now();
    const budget = Math.max(MIN_STATEMENTS_MS, SLICE_MS - lastCommitMs);
    let statementsDone = started;
    db.transaction(() => {
      do {
        write(next.value as T);
        next = iterator.next();
      } while (!next.done && performance.now() - started < budget);
      statementsDone = performance.now();
    })();
    lastCommitMs = performance.now() - statementsDone;
    await yieldToEventLoop();
  }
};
