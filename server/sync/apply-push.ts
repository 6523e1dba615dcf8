import { canonicalJson } from '../../shared/sync-protocol/canonical.ts';
import type {
  PushChange,
  PushRequest,
  PushResponse,
  PushResult,
  TheirVersion,
} from '../../shared/sync-protocol/push.ts';
import { sha256Hex, type AuthenticatedDevice } from '../auth.ts';
import { RetryTransaction, type HubDatabase, type Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { decide, type CurrentRecord, type Decision } from './decide.ts';
import { replayResults } from './replay.ts';

/** A single record's payload above this is refused (the rest of the batch goes on): the hub is not a file store. */
export const MAX_RECORD_BYTES = 256 * 1024;

interface Working extends CurrentRecord {
  existed: boolean;
  dirty: boolean;
  changeId: string;
}

interface Decided {
  change: PushChange;
  decision: Decision;
  theirs?: TheirVersion;
}

const keyOf = (entity: string, recordId: string) => `${entity}\u0000${recordId}`;

/**
 * Applies one push in ONE transaction (ARCHITECTURE §4): changes this desk already sent are answered
 * as before, new ones are applied in seq order, and the desk's high-water mark moves to the last one.
 * Either all of it is stored or none, so a crash at any point leaves the desk free to send it again.
 */
export const applyPush = (
  db: HubDatabase,
  device: AuthenticatedDevice,
  request: PushRequest,
): Promise<PushResponse> => {
  // Hashed before the transaction: the device's row stays locked for the writes only, and the
  // desk's next batch can be checked meanwhile.
  const digests = digestPayloads(request.changes);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ high_water: string | number; revoked_at: unknown }>(
      'SELECT high_water, revoked_at FROM devices WHERE id = $1 FOR UPDATE',
      [device.id],
    );
    if (!row || row.revoked_at) throw new HubFailure('UNAUTHORIZED', 'This desk is not enrolled or was revoked');
    const highWater = Number(row.high_water);

    if (request.previousSeq > highWater) {
      // An earlier batch of this desk has not arrived (or was lost): apply nothing, say where we are.
      await touchDevice(tx, device.id, highWater, request.backlog, false);
      return {
        highWater,
        results: request.changes.map((change) => ({
          changeId: change.changeId,
          seq: change.seq,
          outcome: 'deferred' as const,
          detail: 'missingEarlierChanges',
        })),
      };
    }

    const replayed = await replayResults(tx, device.id, request.changes, highWater);
    const fresh = request.changes.filter((change) => !replayed.has(change.changeId));
    const decided = await decideFresh(tx, device, fresh, digests);

    const results: PushResult[] = request.changes.map((change) => {
      const earlier = replayed.get(change.changeId);
      if (earlier) return earlier;
      const entry = decided.get(change.changeId) as Decided;
      return toResult(entry);
    });
    const newHighWater = Math.max(highWater, fresh.at(-1)?.seq ?? 0);
    const answered = results.filter((result) => result.outcome !== 'deferred').length;
    await touchDevice(tx, device.id, newHighWater, Math.max(0, request.backlog - answered), true);
    return { highWater: newHighWater, results };
  });
};

/** Each payload's SHA-256 over its canonical JSON, by change id; one over MAX_RECORD_BYTES is not hashed. */
interface Digest {
  tooLarge: boolean;
  hash: string;
}
type Digests = Map<string, Digest>;

const digestPayloads = (changes: readonly PushChange[]): Digests => {
  const digests: Digests = new Map();
  for (const change of changes) {
    const text = canonicalJson(change.payload);
    const tooLarge = text.length > MAX_RECORD_BYTES;
    digests.set(change.changeId, { tooLarge, hash: tooLarge ? '' : sha256Hex(text) });
  }
  return digests;
};

const toResult = ({ change, decision, theirs }: Decided): PushResult => {
  const base = { changeId: change.changeId, seq: change.seq };
  if (decision.outcome === 'conflict')
    return { ...base, outcome: 'conflict', detail: decision.detail, ...(theirs ? { theirs } : {}) };
  if (decision.outcome === 'rejected') return { ...base, outcome: 'rejected', reason: decision.reason };
  return { ...base, outcome: 'acknowledged', detail: decision.detail };
};

const decideFresh = async (
  tx: Queryable,
  device: AuthenticatedDevice,
  fresh: readonly PushChange[],
  digests: Digests,
): Promise<Map<string, Decided>> => {
  const decided = new Map<string, Decided>();
  if (fresh.length === 0) return decided;
  const working = await lockRecords(tx, device.organisationId, fresh);
  const conflicts: { change: PushChange; theirs: Working }[] = [];

  for (const change of fresh) {
    // Every change of the request was digested before the transaction.
    const { tooLarge, hash } = digests.get(change.changeId) as Digest;
    if (tooLarge) {
      decided.set(change.changeId, {
        change,
        decision: {
          outcome: 'rejected',
          reason: { code: 'TOO_LARGE', message: `A record may hold at most ${MAX_RECORD_BYTES} bytes` },
        },
      });
      continue;
    }
    const key = keyOf(change.entity, change.recordId);
    const current = working.get(key);
    const decision = decide(current, change, hash);
    const entry: Decided = { change, decision };
    if (decision.outcome === 'conflict' && current) {
      entry.theirs = { version: current.version, op: current.deleted ? 'delete' : 'upsert', payload: current.payload };
      conflicts.push({ change, theirs: current });
    }
    if (decision.outcome === 'acknowledged' && decision.detail === 'applied') {
      working.set(key, {
        version: change.version,
        deleted: change.op === 'delete',
        payload: change.payload,
        hash,
        existed: current?.existed ?? false,
        dirty: true,
        changeId: change.changeId,
      });
    }
    decided.set(change.changeId, entry);
  }

  await writeRecords(tx, device, working);
  await writeChanges(tx, device, [...decided.values()]);
  await writeConflicts(tx, device, conflicts);
  const settled = [...decided.values()]
    .filter(({ change, decision }) => change.resolves && decision.outcome === 'acknowledged')
    .map(({ change }) => change.resolves as string);
  if (settled.length > 0) {
    await tx.query(
      'UPDATE conflicts SET resolved_at = now() WHERE device_id = $1 AND change_id = ANY($2::uuid[]) AND resolved_at IS NULL',
      [device.id, settled],
    );
  }
  return decided;
};

/** The current version of every record the batch touches, locked until commit (in key order, so two batches never deadlock on them). */
const lockRecords = async (tx: Queryable, organisationId: string, changes: readonly PushChange[]) => {
  const keys = [...new Map(changes.map((change) => [keyOf(change.entity, change.recordId), change])).values()];
  const rows = await tx.query<{
    entity: string;
    record_id: string;
    version: number;
    deleted: boolean;
    payload: Record<string, unknown>;
    payload_hash: string;
    change_id: string;
  }>(
    `SELECT r.entity, r.record_id, r.version, r.deleted, r.payload, r.payload_hash, r.change_id
       FROM records r
       JOIN jsonb_to_recordset($2::jsonb) AS k(e text, r text)
         ON r.entity = k.e AND r.record_id = k.r
      WHERE r.organisation_id = $1
      ORDER BY r.entity, r.record_id
      FOR UPDATE OF r`,
    [organisationId, JSON.stringify(keys.map((change) => ({ e: change.entity, r: change.recordId })))],
  );
  const working = new Map<string, Working>();
  for (const record of rows) {
    working.set(keyOf(record.entity, record.record_id), {
      version: Number(record.version),
      deleted: record.deleted,
      payload: record.payload,
      hash: record.payload_hash,
      existed: true,
      dirty: false,
      changeId: record.change_id,
    });
  }
  return working;
};

const writeRecords = async (tx: Queryable, device: AuthenticatedDevice, working: Map<string, Working>) => {
  const dirty = [...working.entries()].filter(([, record]) => record.dirty);
  // One JSON document for the whole batch: the payloads travel as JSON inside it, not as text
  // escaped twice into PostgreSQL array literals, and it is serialised natively in one call.
  const rowsOf = (rows: typeof dirty) =>
    JSON.stringify(
      rows.map(([key, record]) => {
        const [entity, recordId] = key.split('\u0000') as [string, string];
        return {
          e: entity,
          r: recordId,
          v: record.version,
          d: record.deleted,
          p: record.payload,
          h: record.hash,
          c: record.changeId,
        };
      }),
    );
  const batchColumns = 't(e text, r text, v int, d bool, p jsonb, h text, c uuid)';
  const inserts = dirty.filter(([, record]) => !record.existed);
  if (inserts.length > 0) {
    const inserted = await tx.query(
      `INSERT INTO records (organisation_id, site_id, device_id, entity, record_id, version, deleted, payload, payload_hash, change_id)
       SELECT $1, $2, $3, t.e, t.r, t.v, t.d, t.p, t.h, t.c
         FROM jsonb_to_recordset($4::jsonb) AS ${batchColumns}
       ON CONFLICT DO NOTHING
       RETURNING record_id`,
      [device.organisationId, device.siteId, device.id, rowsOf(inserts)],
    );
    // Another desk created one of these ids between our read and our insert: start over, it is locked now.
    if (inserted.length !== inserts.length) throw new RetryTransaction('A record was created concurrently');
  }
  const updates = dirty.filter(([, record]) => record.existed);
  if (updates.length > 0) {
    await tx.query(
      `UPDATE records AS r
          SET version = t.v, deleted = t.d, payload = t.p, payload_hash = t.h, change_id = t.c,
              site_id = $2, device_id = $3, updated_at = now()
         FROM jsonb_to_recordset($4::jsonb) AS ${batchColumns}
        WHERE r.organisation_id = $1 AND r.entity = t.e AND r.record_id = t.r`,
      [device.organisationId, device.siteId, device.id, rowsOf(updates)],
    );
  }
};

const writeChanges = async (tx: Queryable, device: AuthenticatedDevice, decided: readonly Decided[]) => {
  if (decided.length === 0) return;
  const rows = decided.map(({ change, decision }) => ({
    c: change.changeId,
    s: change.seq,
    e: change.entity,
    r: change.recordId,
    v: change.version,
    o: decision.outcome,
    d: decision.outcome === 'rejected' ? JSON.stringify(decision.reason) : (decision.detail ?? null),
  }));
  await tx.query(
    `INSERT INTO changes (organisation_id, device_id, change_id, seq, entity, record_id, version, outcome, detail)
     SELECT $1, $2, t.c, t.s, t.e, t.r, t.v, t.o, t.d
       FROM jsonb_to_recordset($3::jsonb) AS t(c uuid, s bigint, e text, r text, v int, o text, d text)`,
    [device.organisationId, device.id, JSON.stringify(rows)],
  );
};

const writeConflicts = async (
  tx: Queryable,
  device: AuthenticatedDevice,
  conflicts: readonly { change: PushChange; theirs: Working }[],
) => {
  for (const { change, theirs } of conflicts) {
    await tx.query(
      `INSERT INTO conflicts (change_id, organisation_id, device_id, entity, record_id, base_version,
                              mine_version, mine_op, mine_payload, theirs_version, theirs_op, theirs_payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb)`,
      [
        change.changeId,
        device.organisationId,
        device.id,
        change.entity,
        change.recordId,
        change.baseVersion,
        change.version,
        change.op,
        JSON.stringify(change.payload),
        theirs.version,
        theirs.deleted ? 'delete' : 'upsert',
        JSON.stringify(theirs.payload),
      ],
    );
  }
};

const touchDevice = async (tx: Queryable, deviceId: string, highWater: number, backlog: number, synced: boolean) => {
  await tx.query(
    `UPDATE devices SET high_water = $2, backlog = $3, last_seen_at = now(),
            last_sync_at = CASE WHEN $4 THEN now() ELSE last_sync_at END
      WHERE id = $1`,
    [deviceId, highWater, backlog, synced],
  );
};
