import { createRequire } from 'node:module';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { writeInSlices } from './sliced-writes.ts';

/** Rows made and handed to the worker per message (a few milliseconds), and written per transaction there. */
const ROWS_PER_MESSAGE = 2000;
const ROWS_PER_TRANSACTION = 20_000;

/**
 * The worker: its own connection to the same file, with the desk's durability (synchronous=FULL,
 * WAL) and foreign keys; rows are written as they arrive, in transactions of ROWS_PER_TRANSACTION,
 * with the `first` statement in the first transaction and the `last` in the last one.
 * Plain CommonJS in a string, so the same code runs from the sources, the tests and the bundle.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  const statement = db.prepare(workerData.sql);
  const single = (step) => { if (step) db.prepare(step.sql).run(...step.values); };
  const write = db.transaction((rows, before, after) => {
    single(before);
    for (const row of rows) statement.run(row);
    single(after);
  });
  let pending = [];
  let first = workerData.first;
  parentPort.on('message', (rows) => {
    try {
      if (rows !== null) for (const row of rows) pending.push(row);
      if (pending.length >= workerData.rowsPerTransaction || rows === null) {
        write(pending, first, rows === null ? workerData.last : null);
        first = null;
        pending = [];
      }
      if (rows === null) {
        db.close();
        parentPort.postMessage({ done: true });
      }
    } catch (error) {
      db.close();
      parentPort.postMessage({ error: String(error && error.message || error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  if (db) db.close();
  parentPort.postMessage({ error: String(error && error.message || error) });
}
`;

interface Statement {
  sql: string;
  values: unknown[];
}

/**
 * One statement before the rows and one after them, each in the same transaction as its neighbours:
 * a commit of its own on the app's thread would wait for the disk (an fsync, tens of milliseconds).
 */
export interface BackgroundSteps {
  first?: Statement;
  last?: Statement;
}

/** The rows of `rest`, after the one already taken from it. */
function* resumed<T>(first: IteratorResult<T>, rest: Iterator<T>): Generator<T> {
  if (first.done) return;
  yield first.value;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}

/** Settings the worker's connection needs to write as the desk's own does (see db/pragmas.ts). */
const WORKER_PRAGMAS = ['synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000', 'cache_size = -65536'];

/**
 * Writes many rows with one statement on a worker thread's own connection, in a few large
 * transactions. On the event loop's thread, 100k rows had to go in hundreds of short transactions
 * (any longer one stalls the app): rows spread over a large index then dirty a page each, and every
 * commit writes them all again (~3 s for the export registry's 100k rows, commits being most of it).
 * A large transaction writes each page once, and the app's thread only hands the rows over.
 * The app's own writes meanwhile wait for the worker's current transaction (SQLite has one writer).
 * An in-memory database has no file to share: it is written in slices as before.
 */
export const writeRowsInBackground = async (
  db: Database,
  sql: string,
  rows: Iterable<unknown[]>,
  steps: BackgroundSteps = {},
): Promise<void> => {
  const single = (step: Statement | undefined) => {
    if (step) db.prepare(step.sql).run(...step.values);
  };
  // The rows are made as they are handed over (a few thousand per turn), never all at once.
  const iterator = rows[Symbol.iterator]();
  const firstRow = iterator.next();
  const inSlices = async () => {
    single(steps.first);
    const statement = db.prepare(sql);
    await writeInSlices(db, resumed(firstRow, iterator), (values) => statement.run(...values));
    single(steps.last);
  };
  if (db.memory || firstRow.done) return inSlices();
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      file: db.name,
      sql,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      pragmas: WORKER_PRAGMAS,
      rowsPerTransaction: ROWS_PER_TRANSACTION,
      first: steps.first ?? null,
      last: steps.last ?? null,
    },
  });
  let ready: (started: boolean) => void = () => {};
  const started = new Promise<boolean>((resolve) => (ready = resolve));
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { ready?: true; done?: true; error?: string }) => {
      if (message.ready) ready(true);
      if (message.done) resolve();
      if (message.error !== undefined) {
        ready(false);
        reject(new Error(message.error));
      }
    });
    worker.on('error', (error) => {
      ready(false);
      reject(error);
    });
    worker.on('exit', (code) => {
      ready(false);
      reject(new Error(`The writing worker stopped (${code})`));
    });
  });
  // Awaited once every row is handed over; a failure before that must not go unnoticed meanwhile.
  finished.catch(() => {});
  try {
    // A worker that cannot open the database wrote nothing (a packaged app that cannot load the
    // driver there): the rows go in slices on this thread, as they did before.
    if (!(await started)) return await inSlices();
    let next: IteratorResult<unknown[]> = firstRow;
    while (!next.done) {
      const batch: unknown[][] = [];
      while (!next.done && batch.length < ROWS_PER_MESSAGE) {
        batch.push(next.value);
        next = iterator.next();
      }
      worker.postMessage(batch);
      await yieldToEventLoop();
    }
    worker.postMessage(null);
    await finished;
  } finally {
    await worker.terminate();
  }
};
