import { describe, expect, it } from 'vitest';
import { HistoryQuery } from '../../../shared/domain/journal/history.ts';
import { sessionQuery } from '../../../main/core/journal/history/history-query.ts';
import { createTestCore } from '../../support/core.ts';
import { seed } from '../../../scripts/seed.ts';

/** The hot history queries must walk an index in date order: no full scan, no sort of every row. */
describe('history query plans', () => {
  it('every filter is served by an index in date order', async () => {
    const core = createTestCore();
    await seed(core, 1500);
    const db = core.database.db;
    db.exec('ANALYZE');
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'sessions_history'],
      [{ from: '2025-01-01', to: '2025-12-31' }, 'sessions_history'],
      [{ serviceArea: 'B' }, 'session_areas_history'],
      [{ serviceArea: 'B', outcome: 'resolved', from: '2025-01-01' }, 'session_areas_history'],
      [{ operatorId: '01900000-0000-7000-8000-000000000001' }, 'sessions_by_operator'],
      [{ unsynced: true }, 'sessions_unsynced'],
      [{ cursor: { date: '2025-06-01', id: '01900000-0000-7000-8000-000000000001' } }, 'sessions_history'],
    ];
    for (const [filters, index] of cases) {
      const built = sessionQuery(HistoryQuery.parse(filters), null, 50);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${built.sql}`).all(...built.params) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
      expect(plan, JSON.stringify(filters)).toContain(index);
      expect(plan, JSON.stringify(filters)).not.toContain('TEMP B-TREE');
      expect(plan, JSON.stringify(filters)).not.toMatch(/SCAN s\b(?! USING)/);
    }
    core.close();
  }, 60_000);
});
