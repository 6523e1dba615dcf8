import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS } from '../../../main/core/sync/backoff.ts';
import { checkHubUrl } from '../../../main/core/sync/url-policy.ts';
import { decide, type CurrentRecord } from '../../../server/sync/decide.ts';
import { canonicalJson } from '../../../shared/sync-protocol/canonical.ts';
import { PushRequest } from '../../../shared/sync-protocol/push.ts';
import { makeChange } from '../../support/hub.ts';

const record = (version: number, deleted = false, hash = 'h'): CurrentRecord => ({
  version,
  deleted,
  payload: {},
  hash,
});

describe('the hub’s decision for one change', () => {
  it('applies a new record and an edit made on the current version', () => {
    expect(decide(undefined, makeChange(1, 'r', 1, {}), 'h')).toEqual({ outcome: 'acknowledged', detail: 'applied' });
    expect(decide(record(2), makeChange(1, 'r', 3, {}), 'x')).toEqual({ outcome: 'acknowledged', detail: 'applied' });
  });
  it('acknowledges the same version with the same content, and makes a conflict of other content', () => {
    expect(decide(record(2), makeChange(1, 'r', 2, {}), 'h').outcome).toBe('acknowledged');
    expect(decide(record(2), makeChange(1, 'r', 2, {}), 'other')).toEqual({
      outcome: 'conflict',
      detail: 'sameVersionOtherContent',
    });
  });
  it('makes a conflict of an edit on a stale base, never an overwrite', () => {
    expect(decide(record(3), makeChange(1, 'r', 3, {}, { baseVersion: 1 }), 'x').outcome).toBe('conflict');
    expect(decide(record(5), makeChange(1, 'r', 2, {}), 'x')).toEqual({ outcome: 'conflict', detail: 'staleBase' });
  });
  it('lets an edit beat a concurrent delete, whichever arrives first', () => {
    expect(decide(record(3, true), makeChange(1, 'r', 3, {}, { baseVersion: 2 }), 'x')).toEqual({
      outcome: 'acknowledged',
      detail: 'applied',
    });
    expect(decide(record(3), makeChange(1, 'r', 3, {}, { baseVersion: 2, op: 'delete' }), 'x').outcome).toBe(
      'conflict',
    );
    expect(decide(record(4), makeChange(1, 'r', 3, {}, { baseVersion: 2, op: 'delete' }), 'x')).toEqual({
      outcome: 'acknowledged',
      detail: 'superseded',
    });
  });
});

describe('desk-side rules', () => {
  it('full-jitter backoff stays between 0 and min(cap, base·2^n), with no attempt limit', () => {
    expect(backoffDelay(0, () => 0.999)).toBeLessThan(1_000);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
    expect(backoffDelay(50, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(50, () => 0)).toBe(0);
  });
  it('refuses plain http except to this computer', () => {
    expect(checkHubUrl('https://hub.comune.it/')).toBe('https://hub.comune.it');
    expect(checkHubUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(checkHubUrl('http://localhost:1')).toBe('http://localhost:1');
    expect(() => checkHubUrl('http://hub.comune.it')).toThrow(/http/);
    expect(() => checkHubUrl('ftp://x')).toThrow();
    expect(() => checkHubUrl('https://user:pw@hub.it')).toThrow(/credentials/);
  });
  it('hashes the same record the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }),
    );
  });
  it('the push schema refuses batches out of seq order or past 1,000 changes', () => {
    const deviceId = crypto.randomUUID();
    const ok = {
      deviceId,
      previousSeq: 0,
      backlog: 0,
      changes: [makeChange(1, 'a', 1, {}), makeChange(2, 'b', 1, {})],
    };
    expect(PushRequest.safeParse(ok).success).toBe(true);
    expect(PushRequest.safeParse({ ...ok, changes: [...ok.changes].reverse() }).success).toBe(false);
    expect(PushRequest.safeParse({ ...ok, previousSeq: 1 }).success).toBe(false);
    const many = Array.from({ length: 1_001 }, (_, index) => makeChange(index + 1, `r${index}`, 1, {}));
    expect(PushRequest.safeParse({ ...ok, changes: many }).success).toBe(false);
  });
});
