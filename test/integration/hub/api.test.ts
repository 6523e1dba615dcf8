import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  enrollDevice,
  HUB_BACKENDS,
  hubPost,
  makeChange,
  startTestHub,
  type TestHub,
} from '../../support/hub.ts';
import { postgresAvailable } from '../../support/postgres.ts';

type PushBody = { highWater: number; results: { outcome: string; detail?: string; theirs?: { version: number } }[] };

describe.each(HUB_BACKENDS)('the hub API on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    if (backend === 'postgres' && !postgresAvailable()) throw new Error('PostgreSQL is required for these tests');
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(() => hub?.close());

  it('answers health and serves its OpenAPI document', async () => {
    const health = (await (await fetch(`${hub.url}/v1/health`)).json()) as { status: string; database: string };
    expect(health).toMatchObject({ status: 'ok', database: backend });
    const doc = (await (await fetch(`${hub.url}/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/enroll', '/push', '/pull', '/admin/desks']),
    );
  });

  it('enrolls once per code, stores only the token hash, and refuses a used or wrong code', async () => {
    const code = await hub.issueCode();
    const deviceId = crypto.randomUUID();
    const first = await hubPost(hub, '/enroll', null, { code: code.toLowerCase(), deviceId });
    expect(first.status).toBe(200);
    const token = String(first.body['deviceToken']);
    const stored = await hub.db.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [
      deviceId,
    ]);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect((await hubPost(hub, '/enroll', null, { code, deviceId: crypto.randomUUID() })).status).toBe(401);
    expect((await hubPost(hub, '/enroll', null, { code: 'WRONG-CODE-1234', deviceId })).status).toBe(401);
  });

  it('applies a batch idempotently: the same batch again is acknowledged again, stored once', async () => {
    const desk = await enrollDevice(hub);
    const batch = {
      deviceId: desk.deviceId,
      previousSeq: 0,
      backlog: 2,
      changes: [
        makeChange(1, `r-${desk.deviceId}`, 1, { name: 'Anna' }),
        makeChange(2, `r-${desk.deviceId}`, 2, { name: 'Anna B.' }),
      ],
    };
    const first = await hubPost(hub, '/push', desk.token, batch);
    expect(first.status).toBe(200);
    expect((first.body as PushBody).results.map((r) => r.outcome)).toEqual(['acknowledged', 'acknowledged']);
    const again = await hubPost(hub, '/push', desk.token, batch);
    expect((again.body as PushBody).results.map((r) => r.detail)).toEqual(['replayed', 'replayed']);
    expect((again.body as PushBody).highWater).toBe(2);
    const records = await hub.records();
    expect(records.get(`note/r-${desk.deviceId}`)).toMatchObject({ version: 2, payload: { name: 'Anna B.' } });
    expect(await hub.db.query('SELECT 1 FROM changes WHERE device_id = $1', [desk.deviceId])).toHaveLength(2);
  });

  it('defers a batch that skips an earlier one, and refuses a reused seq', async () => {
    const desk = await enrollDevice(hub);
    const later = await hubPost(hub, '/push', desk.token, {
      deviceId: desk.deviceId,
      previousSeq: 5,
      backlog: 1,
      changes: [makeChange(6, crypto.randomUUID(), 1, {})],
    });
    expect((later.body as PushBody).results[0]?.outcome).toBe('deferred');
    expect((later.body as PushBody).highWater).toBe(0);
    await hubPost(hub, '/push', desk.token, {
      deviceId: desk.deviceId,
      previousSeq: 0,
      backlog: 1,
      changes: [makeChange(1, crypto.randomUUID(), 1, {})],
    });
    const reused = await hubPost(hub, '/push', desk.token, {
      deviceId: desk.deviceId,
      previousSeq: 0,
      backlog: 1,
      changes: [makeChange(1, crypto.randomUUID(), 1, {})],
    });
    expect((reused.body as PushBody).results[0]).toMatchObject({ outcome: 'rejected', reason: { code: 'SEQ_REUSED' } });
  });

  it('keeps both versions on a stale base, lets an edit beat a concurrent delete, and never overwrites silently', async () => {
    const a = await enrollDevice(hub);
    const b = await enrollDevice(hub);
    const id = crypto.randomUUID();
    const push = (desk: typeof a, previousSeq: number, change: ReturnType<typeof makeChange>) =>
      hubPost(hub, '/push', desk.token, { deviceId: desk.deviceId, previousSeq, backlog: 1, changes: [change] });
    await push(a, 0, makeChange(1, id, 1, { name: 'Base' }));
    // Both desks edit version 1 (B has it too, e.g. from a field-by-field merge).
    expect(((await push(a, 1, makeChange(2, id, 2, { name: 'From A' }))).body as PushBody).results[0]?.outcome).toBe(
      'acknowledged',
    );
    const stale = (await push(b, 0, makeChange(1, id, 2, { name: 'From B' }))).body as PushBody;
    expect(stale.results[0]).toMatchObject({ outcome: 'conflict', theirs: { version: 2 } });
    expect((await hub.records()).get(`note/${id}`)?.payload).toEqual({ name: 'From A' });
    const kept = await hub.db.query<{ mine_payload: unknown; theirs_payload: unknown }>(
      'SELECT mine_payload, theirs_payload FROM conflicts WHERE record_id = $1',
      [id],
    );
    expect(kept).toEqual([{ mine_payload: { name: 'From B' }, theirs_payload: { name: 'From A' } }]);

    // A deletes at version 3; C, not knowing, had an edit on version 2 → the edit wins.
    const c = await enrollDevice(hub);
    await push(a, 2, makeChange(3, id, 3, { reason: 'duplicate' }, { op: 'delete' }));
    const edit = (await push(c, 0, makeChange(1, id, 3, { name: 'C' }, { baseVersion: 2 }))).body as PushBody;
    expect(edit.results[0]?.outcome).toBe('acknowledged');
    expect((await hub.records()).get(`note/${id}`)).toMatchObject({ deleted: false, payload: { name: 'C' } });
    // B, whose own version 2 conflicted, edits on it: a conflict, not an overwrite.
    const onConflicted = (await push(b, 1, makeChange(2, id, 4, { name: 'B again' }, { baseVersion: 3 })))
      .body as PushBody;
    expect(onConflicted.results[0]?.outcome).toBe('conflict');
    expect((await hub.records()).get(`note/${id}`)?.payload).toEqual({ name: 'C' });
  });

  it('an edit built on a change that conflicted is a conflict too, in the same batch or a later one, until the desk settles it', async () => {
    const a = await enrollDevice(hub);
    const b = await enrollDevice(hub);
    const id = crypto.randomUUID();
    const push = (desk: typeof a, previousSeq: number, changes: ReturnType<typeof makeChange>[]) =>
      hubPost(hub, '/push', desk.token, { deviceId: desk.deviceId, previousSeq, backlog: 0, changes });
    await push(b, 0, [makeChange(1, id, 1, { name: 'Base' })]);
    await push(b, 1, [makeChange(2, id, 2, { name: 'From B' })]);
    // A had version 1 and, offline, made its own 2 and then 3 on it: its 3 has base 2, the hub's number.
    const first = (await push(a, 0, [makeChange(1, id, 2, { name: 'A1' }), makeChange(2, id, 3, { name: 'A2' })]))
      .body as PushBody;
    expect(first.results.map((result) => result.outcome)).toEqual(['conflict', 'conflict']);
    expect((await hub.records()).get(`note/${id}`)?.payload).toEqual({ name: 'From B' });
    const later = (await push(a, 2, [makeChange(3, id, 4, { name: 'A3' }, { baseVersion: 3 })])).body as PushBody;
    expect(later.results[0]?.outcome).toBe('conflict');
    expect((await hub.records()).get(`note/${id}`)?.payload).toEqual({ name: 'From B' });
    // A settles (keep mine, on the hub's version 2): applied, its conflicts closed, and its next edit goes in.
    const [open] = await hub.db.query<{ change_id: string }>(
      'SELECT change_id FROM conflicts WHERE record_id = $1 AND resolved_at IS NULL ORDER BY mine_version DESC LIMIT 1',
      [id],
    );
    const settled = (
      await push(a, 3, [makeChange(4, id, 3, { name: 'A3' }, { baseVersion: 2, resolves: open?.change_id })])
    ).body as PushBody;
    expect(settled.results[0]?.outcome).toBe('acknowledged');
    const next = (await push(a, 4, [makeChange(5, id, 4, { name: 'A4' })])).body as PushBody;
    expect(next.results[0]?.outcome).toBe('acknowledged');
    expect((await hub.records()).get(`note/${id}`)?.payload).toEqual({ name: 'A4' });
    const stillOpen = await hub.db.query('SELECT 1 FROM conflicts WHERE record_id = $1 AND resolved_at IS NULL', [id]);
    expect(stillOpen).toEqual([]);
  });

  it('refuses malformed JSON, wrong types, oversized bodies, no token, a revoked token and writing as another desk — writing nothing', async () => {
    const desk = await enrollDevice(hub);
    const other = await enrollDevice(hub);
    const before = { records: await hub.count('records'), changes: await hub.count('changes') };
    const good = {
      deviceId: desk.deviceId,
      previousSeq: 0,
      backlog: 1,
      changes: [makeChange(1, crypto.randomUUID(), 1, { a: 1 })],
    };
    const cases: [string, Promise<{ status: number; body: Record<string, unknown> }>, number][] = [
      ['malformed JSON', hubPost(hub, '/push', desk.token, '{"deviceId": '), 400],
      ['wrong types', hubPost(hub, '/push', desk.token, { ...good, previousSeq: 'zero' }), 400],
      [
        'version not above base',
        hubPost(hub, '/push', desk.token, { ...good, changes: [{ ...good.changes[0], version: 1, baseVersion: 1 }] }),
        400,
      ],
      ['oversized', hubPost(hub, '/push', desk.token, { ...good, padding: 'x'.repeat(9 * 1024 * 1024) }), 413],
      ['no token', hubPost(hub, '/push', null, good), 401],
      ['garbage token', hubPost(hub, '/push', 'ppd_nope', good), 401],
      ['as another desk', hubPost(hub, '/push', other.token, good), 403],
    ];
    for (const [label, call, status] of cases) {
      const response = await call;
      expect(response.status, label).toBe(status);
      expect(response.body['error'], label).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const revoke = await fetch(`${hub.url}/v1/admin/desks/${desk.deviceId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoke.status).toBe(200);
    expect((await hubPost(hub, '/push', desk.token, good)).status).toBe(401);
    expect({ records: await hub.count('records'), changes: await hub.count('changes') }).toEqual(before);
  });

  it('serves the admin API only with the admin token, and lists desks with their backlog', async () => {
    expect((await fetch(`${hub.url}/v1/admin/organisations`)).status).toBe(401);
    const desks = await fetch(`${hub.url}/v1/admin/desks?organisationId=${hub.organisationId}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const rows = (await desks.json()) as { backlog: number; lastSyncAt: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    const summary = await hub.admin.summary(hub.organisationId);
    expect(summary.sites[0]?.records['note']).toBeGreaterThan(0);
  });

  it('pulls the feed after a cursor: roster, site settings, in cursor order', async () => {
    const desk = await enrollDevice(hub);
    await hub.admin.putOperator(hub.organisationId, {
      displayName: 'Giulia',
      role: 'volunteer',
      active: true,
      siteId: null,
    });
    await hub.admin.setSiteSettings(hub.siteId, { idleMinutes: 15 });
    const page = (await hubPost(hub, '/pull', desk.token, { deviceId: desk.deviceId, after: 0 })).body as {
      items: { cursor: number; kind: string }[];
      nextCursor: number;
    };
    const cursors = page.items.map((item) => item.cursor);
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
    expect(page.items.map((item) => item.kind)).toEqual(expect.arrayContaining(['operator', 'siteSettings']));
    const next = (await hubPost(hub, '/pull', desk.token, { deviceId: desk.deviceId, after: page.nextCursor }))
      .body as { items: unknown[] };
    expect(next.items).toEqual([]);
  });
});
