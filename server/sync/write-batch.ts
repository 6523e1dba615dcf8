import { canonicalJson } from '../../shared/sync-protocol/canonical.ts';
import type { PushChange, TheirVersion } from '../../shared/sync-protocol/push.ts';
import { sha256Hex, type AuthenticatedDevice } from '../auth.ts';
import { RetryTransaction, type Queryable } from '../db/database.ts';
import type { CurrentRecord, Decision } from './decide.ts';

/** The writes of one push, each one statement for the whole batch (see apply-push.ts for the order). */
export interface Working extends CurrentRecord {
  existed: boolean;
  /** The site the record belongs to at the hub (null: not at the hub yet). */
  siteId: string | null;
  dirty: boolean;
  changeId: string;
}

export interface Decided {
  change: PushChange;
  decision: Decision;
  theirs?: TheirVersion;
}

export const keyOf = (entity: string, recordId: string) => `${entity}\u0000${recordId}`;

/** The current version of every record the batch touches, locked until commit (in key order, so two batches never deadlock on them). */
export const lockRecords = async (tx: Queryable, organisationId: string, changes: readonly PushChange[]) => {
  const keys = [...new Map(changes.map((change) => [keyOf(change.entity, change.recordId), change])).values()];
  const rows = await tx.query<{
    entity: string;
    record_id: string;
    version: number;
    deleted: boolean;
    payload: Record<string, unknown>;
    payload_hash: string;
    change_id: string;
    site_id: string;
  }>(
    `SELECT r.entity, r.record_id, r.version, r.deleted, r.payload, r.payload_hash, r.change_id, r.site_id
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
      // Emptied where hub migration 70 erased a secret from the payload: recomputed from what is stored.
      hash: record.payload_hash || sha256Hex(canonicalJson(record.payload)),
      existed: true,
      siteId: record.site_id,
      dirty: false,
      changeId: record.change_id,
    });
  }
  return working;
};

export const writeRecords = async (tx: Queryable, device: AuthenticatedDevice, working: Map<string, Working>) => {
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

export const writeChanges = async (tx: Queryable, device: AuthenticatedDevice, decided: readonly Decided[]) => {
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

export const writeConflicts = async (
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

export const touchDevice = async (
  tx: Queryable,
  deviceId: string,
  highWater: number,
  backlog: number,
  synced: boolean,
) => {
  await tx.query(
    `UPDATE devices SET high_water = $2, backlog = $3, last_seen_at = now(), last_push_at = now(),
            last_sync_at = CASE WHEN $4 THEN now() ELSE last_sync_at END
      WHERE id = $1`,
    [deviceId, highWater, backlog, synced],
  );
};
