import type { Database } from 'better-sqlite3';

/**
 * docs/architecture.md §3. synchronous=FULL because better-sqlite3's WAL default (NORMAL) can lose the
 * last commits on power loss, and a desk's journal of public services must not.
 */
export const applyPragmas = (db: Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
};
