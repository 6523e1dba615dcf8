import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * The compiled statement for `sql` on `db`, compiled once. better-sqlite3 keeps no statement cache
 * of its own, and on hot paths (an outbox row per save, a thousand acknowledgements per push)
 * compiling the SQL again costs more than running it. Callers must use a given SQL text the same
 * way each time (`pluck()` or not), since the statement object carries that mode.
 */
export const prepared = (db: Database, sql: string): Statement => {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
};
