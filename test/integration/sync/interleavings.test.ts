import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRequest } from '../../../shared/sync-protocol/push.ts';
import { createTestDesk, pushAnswerLost, PROBE, unionDifferences, type TestDesk } from '../../support/hub-desk.ts';
import { HUB_BACKENDS, hubPost, startTestHub, type TestHub } from '../../support/hub.ts';

type Action =
  | { kind: 'write'; desk: number; record: number }
  | { kind: 'delete'; desk: number; record: number }
  | { kind: 'sync'; desk: number }
  /** The hub commits a batch, the desk never hears back (crash, cut connection). */
  | { kind: 'pushAnswerLost'; desk: number }
  /** A batch sent earlier arrives again — twice, out of order. */
  | { kind: 'replay'; pick: number }
  /** The desk stops and starts again (what kill -9 leaves is what SQLite committed). */
  | { kind: 'restart'; desk: number };

const desk = fc.integer({ min: 0, max: 2 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('write' as const), desk, record: fc.integer({ min: 0, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), desk, record: fc.integer({ min: 0, max: 4 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), desk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pushAnswerLost' as const), desk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), desk }) },
);

describe.each(HUB_BACKENDS)('generated interleavings across three desks, hub on %s', (backend) => {
  let hub: TestHub;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    hub = await startTestHub(backend);
    for (let index = 0; index < 3; index += 1) {
      const created = createTestDesk({ sync: { maxBatch: 4 } });
      await created.enroll(hub.url, await hub.issueCode());
      desks.push(created);
    }
  }, 60_000);
  afterAll(async () => {
    for (const created of desks) created.close();
    await hub?.close();
  });

  it('the hub ends with exactly the union of the desks’ records, each once, latest version; nothing unsent', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (actions) => {
        run += 1;
        const sent: { token: string; body: PushRequest }[] = [];
        const idOf = (deskIndex: number, record: number) => `run${run}-d${deskIndex}-r${record}`;
        for (const step of actions) {
          if (step.kind === 'replay') {
            const earlier = sent[step.pick % Math.max(1, sent.length)];
            if (earlier) expect((await hubPost(hub, '/push', earlier.token, earlier.body)).status).toBe(200);
            continue;
          }
          const target = desks[step.desk] as TestDesk;
          const id = idOf(step.desk, 'record' in step ? step.record : 0);
          switch (step.kind) {
            case 'write':
              target.write(id, { step: sent.length, at: Math.random() });
              break;
            case 'delete':
              if (target.records().get(`${PROBE}/${id}`)?.deleted === false) target.remove(id);
              break;
            case 'sync':
              await target.sync();
              break;
            case 'restart':
              target.reopen();
              break;
            case 'pushAnswerLost': {
              const lost = await pushAnswerLost(hub, target);
              if (lost) sent.push(lost);
              break;
            }
          }
        }
        for (const target of desks) {
          for (let round = 0; round < 10 && target.unsent() > 0; round += 1) await target.sync();
          expect(target.unsent()).toBe(0);
        }
        const hubRecords = new Map([...(await hub.records())].filter(([key]) => key.startsWith(`${PROBE}/run${run}-`)));
        const deskViews = desks.map((target) => ({
          ...target,
          records: () => new Map([...target.records()].filter(([key]) => key.startsWith(`${PROBE}/run${run}-`))),
        }));
        expect(unionDifferences(hubRecords, deskViews)).toEqual([]);
        const outboxRows = desks.reduce(
          (sum, target) => sum + (target.db().prepare('SELECT count(*) FROM outbox').pluck().get() as number),
          0,
        );
        expect(await hub.count('changes')).toBe(outboxRows);
      }),
      { numRuns: 12, seed: 20_260_505, endOnFailure: true },
    );
  }, 120_000);
});
