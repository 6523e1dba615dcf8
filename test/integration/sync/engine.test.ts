import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packFromFolder } from '../../../server/admin/guide-pack.ts';
import { listHubItems } from '../../../main/core/sync/pull.ts';
import { createTestDesk, PROBE, unionDifferences, type TestDesk } from '../../support/hub-desk.ts';
import { HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';
import { setUpDesk } from '../../support/journal.ts';
import { startTcpProxy } from '../../support/tcp-proxy.ts';

describe.each(HUB_BACKENDS)('the desk sync engine against a hub on %s', (backend) => {
  let hub: TestHub;
  const desks: TestDesk[] = [];
  const newDesk = async (options: Parameters<typeof createTestDesk>[0] = {}) => {
    const desk = createTestDesk(options);
    desks.push(desk);
    await desk.enroll(hub.url, await hub.issueCode());
    return desk;
  };
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterEach(() => {
    for (const desk of desks.splice(0)) desk.close();
  });
  afterAll(() => hub?.close());

  it('sends every change once, marks it synced only after the answer, and shows the last success', async () => {
    const desk = await newDesk();
    for (let index = 0; index < 5; index += 1) desk.write(`r${index}-${desk.dataDir.slice(-6)}`, { n: index });
    desk.write(`r0-${desk.dataDir.slice(-6)}`, { n: 'edited' });
    expect(desk.unsent()).toBe(6);
    const status = await desk.sync();
    expect(status).toMatchObject({ enrolled: true, unsent: 0, phase: 'idle', online: true, lastError: null });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(unionDifferences(await hub.records(), [desk]).filter((line) => !line.startsWith('extra'))).toEqual([]);
  });

  it('two cores in one process share no sync tables: each is told only of its own acknowledgements', async () => {
    const told = { a: [] as string[], b: [] as string[] };
    const a = createTestDesk({ onAcknowledged: (id) => told.a.push(id) });
    const b = createTestDesk({ onAcknowledged: (id) => told.b.push(id) });
    desks.push(a, b);
    for (const desk of [a, b]) await desk.enroll(hub.url, await hub.issueCode());
    a.write(`only-a-${a.dataDir.slice(-6)}`, { n: 1 });
    await a.sync();
    b.write(`only-b-${b.dataDir.slice(-6)}`, { n: 2 });
    await b.sync();
    expect(told).toEqual({ a: [`only-a-${a.dataDir.slice(-6)}`], b: [`only-b-${b.dataDir.slice(-6)}`] });
  });

  it('syncs by itself shortly after a change, and retries a failure by itself (full-jitter backoff)', async () => {
    const proxy = await startTcpProxy(Number(new URL(hub.url).port));
    try {
      const desk = createTestDesk({
        sync: { autoStart: true, watchMs: 100, debounceMs: 100, periodicMs: 60_000, random: () => 0.01 },
      });
      desks.push(desk);
      await desk.enroll(proxy.url, await hub.issueCode());
      proxy.setRule((head) => (head.startsWith('POST /v1/push') ? { kind: 'reset' } : null));
      desk.write(`auto-${desk.dataDir.slice(-6)}`, { a: 1 });
      await expect.poll(() => desk.core.sync.status().lastError?.code, { timeout: 10_000 }).toBe('OFFLINE');
      expect(desk.unsent()).toBe(1);
      proxy.setRule(null);
      await expect.poll(() => desk.unsent(), { timeout: 10_000 }).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('refuses plain http:// to another machine', async () => {
    const desk = createTestDesk();
    desks.push(desk);
    await expect(desk.core.sync.enroll('http://hub.example.org', 'ABCD-EFGH-JKLM')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { syncCode: 'INSECURE_URL' },
    });
  });

  it('sends a large backlog in batches, with progress', async () => {
    const desk = await newDesk({ sync: { maxBatch: 400 } });
    const db = desk.db();
    db.transaction(() => {
      for (let index = 0; index < 1_000; index += 1) desk.write(`bulk-${index}-${desk.dataDir.slice(-6)}`, { index });
    })();
    const progress: { sent: number; total: number }[] = [];
    const off = desk.core.events.subscribe((name, payload) => {
      const value = (payload as { progress: { sent: number; total: number } | null }).progress;
      if (name === 'sync.status' && value) progress.push(value);
    });
    await desk.sync();
    off();
    // The first batch and the last are always shown; those between at most a few times a second.
    const sent = progress.map((entry) => entry.sent);
    expect(sent[0]).toBe(400);
    expect(sent.at(-1)).toBe(1_000);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(progress.at(-1)?.total).toBe(1_000);
    expect(desk.unsent()).toBe(0);
  });

  it('keeps a rejected change visible with its reason, and retries it only when asked', async () => {
    const desk = await newDesk();
    desk.write('too-big', { blob: 'x'.repeat(300 * 1024) });
    desk.write('fine', { ok: true });
    await desk.sync();
    const problems = await desk.core.dispatcher.call('sync.problems', {});
    expect(problems).toMatchObject({
      ok: true,
      value: [{ kind: 'rejected', recordId: 'too-big', reason: { code: 'TOO_LARGE' } }],
    });
    expect(desk.unsent()).toBe(1);
    await desk.sync();
    expect(desk.unsent()).toBe(1);
    const changeId = problems.ok ? (problems.value[0]?.changeId ?? '') : '';
    await desk.core.dispatcher.call('sync.retry', { changeId });
    await desk.sync();
    expect((await desk.core.dispatcher.call('sync.problems', {})) as { value: unknown[] }).toMatchObject({
      value: [{ kind: 'rejected' }],
    });
  });

  it('two desks editing the same record: a visible conflict, then keep mine / keep theirs / field by field', async () => {
    const a = await newDesk();
    const b = await newDesk();
    // A conflict is resolved by someone: the signed-in operator answers for the kept version.
    await setUpDesk(b.core);
    for (const [choice, expected] of [
      ['mine', { name: 'Anna (B)', phone: '333' }],
      ['theirs', { name: 'Anna (A)', phone: '111' }],
      ['fields', { name: 'Anna (A)', phone: '333' }],
    ] as const) {
      const id = `shared-${choice}-${a.dataDir.slice(-6)}`;
      a.write(id, { name: 'Anna', phone: '000' });
      await a.sync();
      // B has the same record at version 1 (as if it had been handed over); both edit it.
      b.db()
        .prepare('INSERT INTO sync_probe (id, version, deleted, payload) VALUES (?, 1, 0, ?)')
        .run(id, '{"name":"Anna","phone":"000"}');
      a.write(id, { name: 'Anna (A)', phone: '111' });
      b.write(id, { name: 'Anna (B)', phone: '333' });
      await a.sync();
      await b.sync();
      const problems = await b.core.dispatcher.call('sync.problems', {});
      if (!problems.ok) throw new Error('problems failed');
      const conflict = problems.value.find((problem) => problem.recordId === id);
      expect(conflict?.conflict).toMatchObject({
        theirs: { payload: { name: 'Anna (A)' } },
        mine: { payload: { name: 'Anna (B)' } },
      });
      expect(conflict?.conflict?.differingFields).toEqual(['name', 'phone']);
      const resolved = await b.core.dispatcher.call('sync.resolve', {
        changeId: conflict?.changeId ?? '',
        choice,
        ...(choice === 'fields' ? { fields: { name: 'theirs', phone: 'mine' } } : {}),
      });
      expect(resolved.ok).toBe(true);
      await b.sync();
      expect(b.unsent()).toBe(0);
      expect((await hub.records()).get(`${PROBE}/${id}`)?.payload).toEqual(expected);
      expect(b.records().get(`${PROBE}/${id}`)?.payload).toEqual(expected);
    }
    const open = await hub.db.query('SELECT 1 FROM conflicts WHERE resolved_at IS NULL AND device_id = $1', [
      b.db().prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get(),
    ]);
    expect(open).toEqual([]);
  });

  it('clocks skewed by ±3 days change nothing: ordering comes from seq, never from timestamps', async () => {
    const day = 24 * 60 * 60 * 1000;
    const early = await newDesk({ sync: { now: () => new Date(Date.now() - 3 * day) } });
    const late = await newDesk({ sync: { now: () => new Date(Date.now() + 3 * day) } });
    for (let index = 0; index < 3; index += 1) {
      early.write(`skew-e-${index}-${early.dataDir.slice(-6)}`, { index }, new Date(Date.now() - 3 * day));
      late.write(`skew-l-${index}-${late.dataDir.slice(-6)}`, { index }, new Date(Date.now() + 3 * day));
      early.write(
        `skew-e-${index}-${early.dataDir.slice(-6)}`,
        { index, edited: true },
        new Date(Date.now() - 3 * day - index),
      );
    }
    await late.sync();
    await early.sync();
    expect(early.unsent() + late.unsent()).toBe(0);
    const hubRecords = await hub.records();
    for (const desk of [early, late]) {
      for (const [key, value] of desk.records())
        expect(hubRecords.get(key)).toMatchObject({ version: value.version, payload: value.payload });
    }
  });

  it('stops on a revoked token, says why, and does not retry by itself', async () => {
    const desk = await newDesk();
    await hub.admin.revokeDesk(
      desk.core.context.database.db
        .prepare("SELECT value FROM app_meta WHERE key = 'device_id'")
        .pluck()
        .get() as string,
    );
    desk.write('after-revoke', { a: 1 });
    const status = await desk.sync();
    expect(status).toMatchObject({
      phase: 'blocked',
      unsent: 1,
      lastError: { code: 'UNAUTHORIZED' },
      nextAttemptAt: null,
    });
  });

  it('pulls the roster, site settings and hash-verified guide packs into the data folder', async () => {
    const desk = await newDesk();
    await hub.admin.putOperator(hub.organisationId, {
      displayName: 'Marco',
      role: 'facilitator',
      active: true,
      siteId: hub.siteId,
    });
    await hub.admin.setSiteSettings(hub.siteId, { facilitaId: '10001' });
    const pack = packFromFolder(
      join(import.meta.dirname, '../../fixtures/guides/store/installed-newer-valid/demo-guide'),
    );
    await hub.admin.publishGuidePack(hub.organisationId, pack);
    const tampered = packFromFolder(
      join(import.meta.dirname, '../../fixtures/guides/store/installed-newer-valid/other-guide'),
    );
    await hub.admin.publishGuidePack(hub.organisationId, {
      ...tampered,
      files: { ...tampered.files, 'it.yaml': Buffer.from('evil').toString('base64') },
    });
    const status = await desk.sync();
    const operators = listHubItems(desk.db(), desk.core.context.cipher(), 'operator');
    expect(operators.map((item) => item.payload['displayName'])).toContain('Marco');
    expect(listHubItems(desk.db(), desk.core.context.cipher(), 'siteSettings')[0]?.payload).toMatchObject({
      facilitaId: '10001',
    });
    const installed = join(desk.dataDir, 'guides', 'demo-guide', 'guide.yaml');
    expect(readFileSync(installed)).toEqual(Buffer.from(pack.files['guide.yaml'] ?? '', 'base64'));
    expect(existsSync(join(desk.dataDir, 'guides', 'other-guide'))).toBe(false);
    expect(status.lastError).toMatchObject({ code: 'PACK_INVALID' });
    const cursor = desk.db().prepare('SELECT pull_cursor FROM sync_state').pluck().get() as number;
    expect(cursor).toBeGreaterThan(0);
  });
});
