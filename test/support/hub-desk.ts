import type { Database } from 'better-sqlite3';
import { createAppCore, type AppCore } from '../../main/core/app-core.ts';
import { countUnsent, recordChange } from '../../main/core/outbox/outbox.ts';
import type { CoreContext } from '../../main/core/core-context.ts';
import type { SyncEngineOptions } from '../../main/core/sync/engine.ts';
import type { SyncedTable } from '../../main/core/sync/synced-tables.ts';
import { confStore } from '../../main/core/settings/conf-store.ts';
import { readBatch } from '../../main/core/sync/push-batch.ts';
import { createSyncState } from '../../main/core/sync/sync-state.ts';
import type { PushRequest } from '../../shared/sync-protocol/push.ts';
import { hubPost } from './hub.ts';
import { canonicalJson } from '../../shared/sync-protocol/canonical.ts';
import { tempDataDir } from './host-process.ts';

/** A synthetic record kind: sync is generic, so the fault tests need no journal tables. */
export const PROBE = 'syncProbe';

const ensureTable = (db: Database) =>
  db.exec(`CREATE TABLE IF NOT EXISTS sync_probe (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, deleted INTEGER NOT NULL, payload TEXT NOT NULL) STRICT`);

const writeProbe = (db: Database, id: string, version: number, deleted: boolean, payload: unknown) =>
  db
    .prepare(
      `INSERT INTO sync_probe (id, version, deleted, payload) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, payload = excluded.payload`,
    )
    .run(id, version, deleted ? 1 : 0, JSON.stringify(payload));

/** The probe's table as its core's sync engine sees it: a resolved conflict is written back with its outbox row. */
const probeTable = (context: CoreContext, onAcknowledged: (recordId: string) => void): SyncedTable => ({
  entity: PROBE,
  acknowledged: (recordId) => onAcknowledged(recordId),
  writeResolved(version) {
    const db = context.database.db;
    writeProbe(db, version.recordId, version.version, version.op === 'delete', version.payload);
    return recordChange(
      db,
      context.cipher(),
      {
        entity: PROBE,
        recordId: version.recordId,
        op: version.op,
        version: version.version,
        baseVersion: version.version > 1 ? version.version - 1 : null,
        payload: version.payload,
      },
      new Date(),
    );
  },
});

export interface TestDesk {
  core: AppCore;
  dataDir: string;
  db(): Database;
  /** Creates or edits a record (version + 1, made on the current version), with its outbox row, in one transaction. */
  write(id: string, payload: Record<string, unknown>, now?: Date): void;
  remove(id: string, now?: Date): void;
  /** This desk's live records: `syncProbe/<id>` → version and payload. */
  records(): Map<string, { version: number; deleted: boolean; payload: Record<string, unknown> }>;
  unsent(): number;
  enroll(hubUrl: string, code: string): Promise<void>;
  sync(): ReturnType<AppCore['sync']['syncNow']>;
  /** Closes and opens the core again on the same folder (what a restart does). */
  reopen(): void;
  close(): void;
}

/** A real desk core on its own data folder, with the sync engine driven by hand (no timers). */
export const createTestDesk = (
  options: {
    dataDir?: string;
    sync?: SyncEngineOptions;
    /** Told of each probe record the hub acknowledged (through this core's own sync table). */
    onAcknowledged?: (recordId: string) => void;
  } = {},
): TestDesk => {
  const dataDir = options.dataDir ?? tempDataDir('desk');
  const open = () => {
    const core = createAppCore({
      dataDir,
      mode: 'browser',
      version: '0.0.0-test',
      storeFactory: confStore,
      sync: { autoStart: false, requestTimeoutMs: 5_000, ...options.sync },
      moreSyncedTables: (context) => [probeTable(context, options.onAcknowledged ?? (() => undefined))],
    });
    ensureTable(core.database.db);
    return core;
  };
  let core = open();
  const desk: TestDesk = {
    get core() {
      return core;
    },
    dataDir,
    db: () => core.database.db,
    write(id, payload, now = new Date()) {
      const db = core.database.db;
      db.transaction(() => {
        const current = db.prepare('SELECT version FROM sync_probe WHERE id = ?').pluck().get(id) as number | undefined;
        const version = (current ?? 0) + 1;
        writeProbe(db, id, version, false, payload);
        recordChange(
          db,
          core.context.cipher(),
          { entity: PROBE, recordId: id, op: 'upsert', version, baseVersion: current ?? null, payload },
          now,
        );
      })();
    },
    remove(id, now = new Date()) {
      const db = core.database.db;
      db.transaction(() => {
        const current = db.prepare('SELECT version FROM sync_probe WHERE id = ?').pluck().get(id) as number;
        const payload = { reason: 'removed' };
        writeProbe(db, id, current + 1, true, payload);
        recordChange(
          db,
          core.context.cipher(),
          { entity: PROBE, recordId: id, op: 'delete', version: current + 1, baseVersion: current, payload },
          now,
        );
      })();
    },
    records() {
      const rows = core.database.db.prepare('SELECT id, version, deleted, payload FROM sync_probe').all() as {
        id: string;
        version: number;
        deleted: number;
        payload: string;
      }[];
      return new Map(
        rows.map((row) => [
          `${PROBE}/${row.id}`,
          {
            version: row.version,
            deleted: row.deleted === 1,
            payload: JSON.parse(row.payload) as Record<string, unknown>,
          },
        ]),
      );
    },
    unsent: () => countUnsent(core.database.db),
    async enroll(hubUrl, code) {
      await core.sync.enroll(hubUrl, code);
      await core.sync.idle();
    },
    sync: () => core.sync.syncNow(),
    reopen() {
      core.close();
      core = open();
    },
    close: () => core.close(),
  };
  return desk;
};

/**
 * Adds a change to a desk's outbox directly, in its own transaction, as another code path (an
 * older desk version, a faulty one, another desk's edit copied over) would have written it.
 */
export const writeOutboxChange = (
  desk: TestDesk,
  change: { entity: string; recordId: string; version: number; payload: Record<string, unknown> },
): number =>
  desk
    .db()
    .transaction(() =>
      recordChange(
        desk.db(),
        desk.core.context.cipher(),
        { ...change, op: 'upsert', baseVersion: change.version > 1 ? change.version - 1 : null },
        new Date(),
      ),
    )();

/**
 * The invariant of every fault test: the hub holds exactly the union of the desks' records, each
 * once, at its latest version. Returns a description of the differences (empty when it holds).
 */
export const unionDifferences = (
  hubRecords: Map<string, { version: number; deleted: boolean; payload: Record<string, unknown> }>,
  desks: readonly TestDesk[],
  entity = PROBE,
): string[] => {
  const expected = new Map<string, { version: number; deleted: boolean; payload: Record<string, unknown> }>();
  for (const desk of desks) for (const [key, value] of desk.records()) expected.set(key, value);
  const actual = new Map([...hubRecords].filter(([key]) => key.startsWith(`${entity}/`)));
  const problems: string[] = [];
  for (const [key, value] of expected) {
    const got = actual.get(key);
    if (!got) problems.push(`missing ${key}`);
    else if (
      got.version !== value.version ||
      got.deleted !== value.deleted ||
      canonicalJson(got.payload) !== canonicalJson(value.payload)
    ) {
      problems.push(
        `${key}: hub v${got.version} ${JSON.stringify(got.payload)} ≠ desk v${value.version} ${JSON.stringify(value.payload)}`,
      );
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`extra ${key}`);
  return problems;
};

/**
 * The desk's next batch of up to `maxBatch` changes as its own push would send it, posted to the hub
 * while the desk never hears the answer (a crash, a cut connection): the desk still holds them as
 * unsent. Returns what was sent, for a later replay; null when nothing was waiting.
 */
export const pushAnswerLost = async (
  hub: { url: string },
  desk: TestDesk,
  maxBatch = 4,
): Promise<{ token: string; body: PushRequest } | null> => {
  const batch = readBatch(desk.db(), desk.core.context.cipher(), maxBatch);
  if (!batch) return null;
  const state = createSyncState(
    () => desk.db(),
    () => desk.core.context.cipher(),
  );
  const enrollment = state.enrollment();
  if (!enrollment) throw new Error('not enrolled');
  const body: PushRequest = {
    deviceId: state.deviceId(),
    previousSeq: batch.previousSeq,
    changes: batch.changes,
    backlog: 0,
  };
  const response = await hubPost(hub, '/push', enrollment.token, body);
  if (response.status !== 200) throw new Error(`push answered ${response.status}`);
  return { token: enrollment.token, body };
};
