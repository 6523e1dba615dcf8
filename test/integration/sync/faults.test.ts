import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../../../server/db/database.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { createTestDesk, unionDifferences, type TestDesk } from '../../support/hub-desk.ts';
import { adminApi, launchHubProcess, type HubProcess } from '../../support/hub-process.ts';
import { HUB_BACKENDS, startTestHub, type HubBackend, type TestHub } from '../../support/hub.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { startTcpProxy, type Fault, type TcpProxy } from '../../support/tcp-proxy.ts';

type HubRecords = Awaited<ReturnType<TestHub['records']>>;

/** Syncs until nothing is unsent (bounded: a fault test must end). */
const syncUntilDone = async (desk: TestDesk, rounds = 20) => {
  for (let round = 0; round < rounds && desk.unsent() > 0; round += 1) await desk.sync();
  await desk.sync();
  return desk.unsent();
};

const pushesOnly = (faults: Fault[]) => (head: string) =>
  head.startsWith('POST /v1/push') ? (faults.shift() ?? null) : null;

describe.each(HUB_BACKENDS)('sync under faults, hub on %s', (backend: HubBackend) => {
  const desks: TestDesk[] = [];
  afterEach(() => {
    for (const desk of desks.splice(0)) desk.close();
  });

  describe('through a misbehaving TCP proxy', () => {
    let hub: TestHub;
    let proxy: TcpProxy;
    beforeAll(async () => {
      hub = await startTestHub(backend);
      proxy = await startTcpProxy(Number(new URL(hub.url).port));
    }, 60_000);
    afterAll(async () => {
      await proxy?.close();
      await hub?.close();
    });

    it('cut bodies, delays, resets and lost answers: every change reaches the hub exactly once', async () => {
      const desk = createTestDesk({ sync: { maxBatch: 40, requestTimeoutMs: 2_000 } });
      desks.push(desk);
      await desk.enroll(proxy.url, await hub.issueCode());
      for (let index = 0; index < 200; index += 1) desk.write(`p-${index}`, { index });
      for (let index = 0; index < 200; index += 7) desk.write(`p-${index}`, { index, edited: true });
      proxy.setRule(
        pushesOnly([
          { kind: 'cutRequest', afterBytes: 700 },
          { kind: 'delay', ms: 300 },
          { kind: 'reset' },
          { kind: 'cutResponse' },
          { kind: 'pass' },
          { kind: 'cutResponse' },
          { kind: 'delay', ms: 2_500 },
          { kind: 'cutRequest', afterBytes: 5_000 },
        ]),
      );
      expect(await syncUntilDone(desk)).toBe(0);
      proxy.setRule(null);
      expect(unionDifferences(await hub.records(), [desk])).toEqual([]);
      const outboxRows = desk.db().prepare('SELECT count(*) FROM outbox').pluck().get();
      expect(await hub.count('changes')).toBe(outboxRows);
    });
    it('two batches in flight that cross (the second reaches the hub first): each change stored once, nothing acknowledged sent again', async () => {
      const desk = createTestDesk({ sync: { maxBatch: 25 } });
      desks.push(desk);
      await desk.enroll(proxy.url, await hub.issueCode());
      for (let index = 0; index < 100; index += 1) desk.write(`x-${index}`, { index });
      // The first push is held back long enough for the second (already sent) to be answered first.
      proxy.setRule(pushesOnly([{ kind: 'delay', ms: 1_200 }]));
      expect(await syncUntilDone(desk)).toBe(0);
      proxy.setRule(null);
      const ours = [...(await hub.records())].filter(([key]) => key.startsWith('syncProbe/x-'));
      expect(unionDifferences(new Map(ours), [desk])).toEqual([]);
      const [stored] = await hub.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM changes WHERE record_id LIKE 'x-%'",
      );
      expect(stored?.n).toBe(100);
      const attempts = desk.db().prepare('SELECT attempts FROM outbox ORDER BY seq').pluck().all() as number[];
      // The first batch went once: acknowledged, never queued again. The second crossed it and was
      // deferred (then sent again), as was any batch already on its way on top of it.
      expect(attempts.slice(0, 25)).toEqual(Array(25).fill(1));
      expect(Math.min(...attempts.slice(25, 50))).toBeGreaterThanOrEqual(2);
    });

    it('a hub restored from an older backup gets the changes it lost sent again', async () => {
      const desk = createTestDesk({ sync: { maxBatch: 30 } });
      desks.push(desk);
      await desk.enroll(hub.url, await hub.issueCode());
      for (let index = 0; index < 100; index += 1) desk.write(`b-${index}`, { index });
      expect(await syncUntilDone(desk)).toBe(0);
      // What a restore does to this desk's part of the hub: the last 40 changes are gone.
      // This desk is the hub's latest enrollment.
      const [device] = await hub.db.query<{ id: string }>('SELECT id FROM devices ORDER BY enrolled_at DESC LIMIT 1');
      const lost = await hub.db.query<{ record_id: string }>(
        'DELETE FROM changes WHERE device_id = $1 AND seq > 60 RETURNING record_id',
        [device?.id],
      );
      await hub.db.query('DELETE FROM records WHERE record_id = ANY($1::text[])', [lost.map((row) => row.record_id)]);
      await hub.db.query('UPDATE devices SET high_water = 60 WHERE id = $1', [device?.id]);
      for (let index = 100; index < 110; index += 1) desk.write(`b-${index}`, { index });
      expect(await syncUntilDone(desk)).toBe(0);
      const ours = [...(await hub.records())].filter(([key]) => key.startsWith('syncProbe/b-'));
      expect(unionDifferences(new Map(ours), [desk])).toEqual([]);
      const [stored] = await hub.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM changes WHERE device_id = $1',
        [device?.id],
      );
      expect(stored?.n).toBe(110);
    });
  });

  describe('with the hub as a process that gets killed', () => {
    let postgres: TestPostgres | null = null;
    let hubProcess: HubProcess | null = null;
    let proxy: TcpProxy | null = null;
    let dataDir = '';
    beforeAll(async () => {
      if (backend === 'postgres') postgres = await startTestPostgres();
    }, 60_000);
    afterEach(async () => {
      await proxy?.close();
      await hubProcess?.stop();
      proxy = hubProcess = null;
    });
    afterAll(() => postgres?.stop());

    const launch = () =>
      launchHubProcess(backend === 'postgres' ? { databaseUrl: postgres?.url as string } : { dataDir });
    const start = async () => {
      dataDir = tempDataDir('hub');
      hubProcess = await launch();
      proxy = await startTcpProxy(hubProcess.port);
      const admin = adminApi(hubProcess.url);
      const { organisationId, siteId } = await admin.seed();
      return { admin, organisationId, siteId };
    };
    const restart = async () => {
      hubProcess = await launch();
      proxy?.retarget(hubProcess.port);
    };
    /** The organisation's records, read straight from the hub's database (PGlite: with the hub stopped). */
    const hubRecords = async (organisationId: string): Promise<HubRecords> => {
      if (backend === 'pglite') {
        await hubProcess?.stop();
        hubProcess = null;
      }
      const db = await openHubDatabase({ databaseUrl: postgres?.url, dataDir: backend === 'pglite' ? dataDir : null });
      try {
        const rows = await db.query<{
          entity: string;
          record_id: string;
          version: number;
          deleted: boolean;
          payload: Record<string, unknown>;
        }>('SELECT entity, record_id, version, deleted, payload FROM records WHERE organisation_id = $1', [
          organisationId,
        ]);
        return new Map(
          rows.map((row) => [
            `${row.entity}/${row.record_id}`,
            { version: Number(row.version), deleted: row.deleted, payload: row.payload },
          ]),
        );
      } finally {
        await db.close();
      }
    };

    it('the hub killed -9 after its commit and before its answer', async () => {
      const { admin, organisationId, siteId } = await start();
      const desk = createTestDesk({ sync: { maxBatch: 30 } });
      desks.push(desk);
      await desk.enroll(proxy?.url as string, await admin.code(siteId));
      for (let index = 0; index < 100; index += 1) desk.write(`k-${index}`, { index });
      const killed: Fault[] = [{ kind: 'pass' }, { kind: 'cutResponse', onResponse: () => hubProcess?.kill9() }];
      proxy?.setRule(pushesOnly(killed));
      const failed = await desk.sync();
      expect(failed.lastError?.code).toBe('OFFLINE');
      expect(desk.unsent()).toBe(70);
      await restart();
      expect(await syncUntilDone(desk)).toBe(0);
      expect(unionDifferences(await hubRecords(organisationId), [desk])).toEqual([]);
    }, 90_000);

    it('the hub restarted in the middle of a long sync', async () => {
      const { admin, organisationId, siteId } = await start();
      const desk = createTestDesk({ sync: { maxBatch: 100 } });
      desks.push(desk);
      await desk.enroll(proxy?.url as string, await admin.code(siteId));
      desk.db().transaction(() => {
        for (let index = 0; index < 1_500; index += 1) desk.write(`m-${index}`, { index });
      })();
      let restarting: Promise<void> | null = null;
      const off = desk.core.events.subscribe((_name, payload) => {
        const progress = (payload as { progress: { sent: number } | null }).progress;
        if (progress && progress.sent >= 300 && !restarting) restarting = hubProcess?.stop().then(restart) ?? null;
      });
      await desk.sync();
      await restarting;
      off();
      expect(await syncUntilDone(desk)).toBe(0);
      expect(unionDifferences(await hubRecords(organisationId), [desk])).toEqual([]);
    }, 90_000);

    it('the desk killed -9 in the middle of a push, restarted, synced', async () => {
      const { admin, organisationId, siteId } = await start();
      const deskDir = tempDataDir('desk');
      const child = resolve(import.meta.dirname, 'desk-child.ts');
      let victim: ReturnType<typeof spawn> | null = null;
      // The third push reaches the hub and commits; the desk dies before it can read the answer.
      proxy?.setRule(
        pushesOnly([
          { kind: 'pass' },
          { kind: 'pass' },
          { kind: 'cutResponse', onResponse: () => void victim?.kill('SIGKILL') },
        ]),
      );
      const run = (count: number) =>
        new Promise<{ signal: NodeJS.Signals | null; out: string }>((done) => {
          victim = spawn(process.execPath, [child, deskDir, String(count)], {
            env: { ...process.env, PASSOPASSO_LOG: 'silent' },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          victim.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
          victim.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
          victim.once('exit', (_code, signal) => done({ signal, out }));
        });
      // Enroll in-process first (the child only writes and syncs), then hand the folder over.
      const enrolling = createTestDesk({ dataDir: deskDir });
      await enrolling.enroll(proxy?.url as string, await admin.code(siteId));
      enrolling.close();
      const first = await run(300);
      expect(first.signal).toBe('SIGKILL');
      const second = await run(0);
      expect(second.out).toContain('done unsent=0');
      const desk = createTestDesk({ dataDir: deskDir });
      desks.push(desk);
      expect(desk.unsent()).toBe(0);
      expect(desk.records().size).toBe(300);
      expect(unionDifferences(await hubRecords(organisationId), [desk])).toEqual([]);
    }, 90_000);
  });
});
