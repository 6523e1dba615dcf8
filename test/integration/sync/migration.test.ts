import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/db/migrate.ts';
import { MIGRATIONS } from '../../../main/core/db/migrations/index.ts';

describe('migration 0100 (sync)', () => {
  it('creates the sync tables with one state row, on a real database', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT id, pull_cursor, hub_url FROM sync_state').all()).toEqual([
      { id: 1, pull_cursor: 0, hub_url: null },
    ]);
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow();
    for (const table of ['sync_conflicts', 'sync_settlements', 'sync_hub_items']) {
      expect(db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(table)).toBe(1);
    }
    db.close();
  });
});
