// The peer baseline of the sync benchmark (issue 5): the same records replicated by PouchDB to an
// express-pouchdb server on loopback. Loaded only by test/bench/sync.ts; pouchdb, express and
// express-pouchdb are dev dependencies, imported by name so the app never bundles them.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

interface PouchDb {
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(target: PouchDb, options: { batch_size: number }): Promise<{ docs_written: number }> };
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
}
interface PouchStatic {
  new (name: string, options?: object): PouchDb;
  defaults(options: object): PouchStatic;
  plugin(plugin: unknown): PouchStatic;
}
type Handler = (request: unknown, response: unknown) => void;
interface ExpressApp extends Handler {
  use(path: string, handler: Handler): void;
  listen(port: number, host: string, ready: () => void): Server;
}

const load = async <T>(name: string): Promise<T> => ((await import(name)) as { default: T }).default;

/**
 * Writes `count` documents into a desk-side PouchDB, then times their replication to a fresh
 * express-pouchdb server (LevelDB on disk on both sides, as a real peer would; `memory` for both
 * when asked). Returns null when the packages are not installed.
 */
export const pouchBaseline = async (
  count: number,
  payload: (index: number) => object,
  adapter: 'leveldb' | 'memory' = 'leveldb',
): Promise<{ seconds: number; written: number } | null> => {
  let PouchDB: PouchStatic;
  let express: () => ExpressApp;
  let expressPouchDb: (pouch: PouchStatic, options: object) => Handler;
  try {
    PouchDB = await load<PouchStatic>('pouchdb');
    express = await load<() => ExpressApp>('express');
    expressPouchDb = await load<(pouch: PouchStatic, options: object) => Handler>('express-pouchdb');
    if (adapter === 'memory') PouchDB.plugin(await load('pouchdb-adapter-memory'));
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'passopasso-pouch-'));
  const local = adapter === 'memory' ? { adapter: 'memory' } : {};
  const server = PouchDB.defaults(adapter === 'memory' ? local : { prefix: join(dir, 'server-') });
  const app = express();
  app.use('/', expressPouchDb(server, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const listener = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const desk = new PouchDB(adapter === 'memory' ? 'desk-journal' : join(dir, 'desk-journal'), local);
  const hub = new PouchDB(`http://127.0.0.1:${port}/journal`);
  try {
    for (let start = 0; start < count; start += 1_000) {
      const docs = [];
      for (let index = start; index < Math.min(count, start + 1_000); index += 1)
        docs.push({ _id: `one-${index}`, ...payload(index) });
      await desk.bulkDocs(docs);
    }
    const started = performance.now();
    const result = await desk.replicate.to(hub, { batch_size: 1_000 });
    return { seconds: (performance.now() - started) / 1000, written: result.docs_written };
  } finally {
    await desk.close();
    await hub.close();
    await new Promise((resolve) => listener.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
};
