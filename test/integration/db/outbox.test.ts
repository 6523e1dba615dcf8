import { describe, expect, it } from 'vitest';
import { countUnsent, hasUnsentChange, readPayload, recordChange } from '../../../main/core/outbox/outbox.ts';
import { createTestCore } from '../../support/core.ts';

describe('the outbox', () => {
  it('numbers changes monotonically and stores the payload encrypted', () => {
    const core = createTestCore();
    const db = core.database.db;
    const cipher = core.context.cipher();
    const write = (recordId: string, version: number) =>
      db.transaction(() =>
        recordChange(db, cipher, {
          entity: 'citizen',
          recordId,
          op: 'upsert',
          version,
          baseVersion: version === 1 ? null : version - 1,
          payload: { lastName: 'Esposito' },
        }),
      )();
    const seqs = [write('a', 1), write('a', 2), write('b', 1)];
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(3);
    expect(countUnsent(db)).toBe(3);
    expect(hasUnsentChange(db, 'citizen', 'a')).toBe(true);
    expect(hasUnsentChange(db, 'citizen', 'zzz')).toBe(false);

    const row = db.prepare('SELECT change_id, payload FROM outbox WHERE seq = ?').get(seqs[0]) as {
      change_id: string;
      payload: string;
    };
    expect(row.payload).not.toContain('Esposito');
    expect(readPayload(cipher, row.change_id, row.payload)).toEqual({ lastName: 'Esposito' });
    core.close();
  });

  it('refuses to write outside a transaction (the record and its change must commit together)', () => {
    const core = createTestCore();
    expect(() =>
      recordChange(core.database.db, core.context.cipher(), {
        entity: 'citizen',
        recordId: 'x',
        op: 'upsert',
        version: 1,
        baseVersion: null,
        payload: {},
      }),
    ).toThrow(/inside the transaction/);
    expect(countUnsent(core.database.db)).toBe(0);
    core.close();
  });

  it('rolls back with the transaction that failed', () => {
    const core = createTestCore();
    const db = core.database.db;
    expect(() =>
      db.transaction(() => {
        recordChange(db, core.context.cipher(), {
          entity: 'session',
          recordId: 's',
          op: 'upsert',
          version: 1,
          baseVersion: null,
          payload: {},
        });
        throw new Error('the record write failed');
      })(),
    ).toThrow('the record write failed');
    expect(countUnsent(db)).toBe(0);
    core.close();
  });
});
