import type { Database } from 'better-sqlite3';

/**
 * docs/architecture.md §3. synchronous=FULL because better-sqlite3's WAL default (NORMAL) can lose the
 * last commits on power loss, and a desk's journal of public services must not. A 64 MiB page cache
 * (SQLite's default is 2 MiB): a busy desk's journal is hundreds of megabytes, and reading 100k
 * sessions with their citizens for the Facilita export went back to the file for most pages (~40%
 * of the read's time).
 */
export const applyPragmas = (db: Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
};
