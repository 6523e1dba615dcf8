import type { Database } from 'better-sqlite3';
import type { PushChange, PushResponse } from '../../../shared/sync-protocol/push.ts';
import { MAX_BATCH } from '../../../shared/sync-protocol/common.ts';
import { withoutDeskOnlyFields } from '../../../shared/sync-protocol/record-payloads.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { prepared } from '../db/statements.ts';
import { readPayload, type OutboxColumns } from '../outbox/outbox.ts';
import { storeConflict } from './conflict-store.ts';
import type { SyncTables } from './synced-tables.ts';

/** Keep a push body well under the hub's 8 MiB limit whatever the records hold. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

interface PendingRow extends OutboxColumns {
  settles: string | null;
}

export interface Batch {
  previousSeq: number;
  changes: PushChange[];
}

/**
 * The oldest pending changes after `afterSeq` (0: from the start), in seq order, up to MAX_BATCH of
 * them or ~4 MiB. A batch read while an earlier one is still in flight starts after that one's last seq.
 */
export const readBatch = (db: Database, cipher: FieldCipher, maxBatch = MAX_BATCH, afterSeq = 0): Batch | null => {
  const rows = prepared(
    db,
    `SELECT o.seq, o.change_id, o.entity, o.record_id, o.op, o.version, o.base_version, o.payload, o.created_at,
            CASE WHEN s.action = 'retry' THEN NULL ELSE s.settles END AS settles
       FROM outbox o LEFT JOIN sync_settlements s ON s.change_id = o.change_id
      WHERE o.state = 'pending' AND o.seq > ? ORDER BY o.seq LIMIT ?`,
  ).all(afterSeq, maxBatch) as PendingRow[];
  const first = rows[0];
  if (!first) return null;
  const previousSeq = prepared(db, 'SELECT coalesce(max(seq), 0) FROM outbox WHERE seq < ?')
    .pluck()
    .get(first.seq) as number;
  const changes: PushChange[] = [];
  let bytes = 0;
  for (const row of rows) {
    bytes += row.payload.length;
    if (changes.length > 0 && bytes > MAX_BATCH_BYTES) break;
    changes.push({
      changeId: row.change_id,
      seq: row.seq,
      entity: row.entity,
      recordId: row.record_id,
      op: row.op,
      version: row.version,
      baseVersion: row.base_version,
      // An outbox row written before secrets became desk-only still holds one: it stays here.
      payload: withoutDeskOnlyFields(
        row.entity,
        readPayload(cipher, row.change_id, row.payload) as Record<string, unknown>,
      ),
      createdAt: row.created_at,
      ...(row.settles ? { resolves: row.settles } : {}),
    });
  }
  return { previousSeq, changes };
};

/**
 * Marks each change as the hub answered, in ONE local transaction, only now that the answer is
 * here: a desk killed before this line sends the same changes again, and the hub acknowledges them
 * again without storing them twice.
 */
export const applyPushResults = (
  db: Database,
  cipher: FieldCipher,
  response: PushResponse,
  now: Date,
  tables: SyncTables['tables'],
): void => {
  const at = now.toISOString();
  // One statement for all the acknowledgements (the usual answer), returning what each one was.
  const acknowledge = prepared(
    db,
    `UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, attempts = attempts + 1, last_error = NULL
      WHERE change_id IN (SELECT value FROM json_each(?)) AND +state = 'pending'
      RETURNING entity, record_id, version`,
  );
  const reject = prepared(
    db,
    "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ? WHERE change_id = ? AND state = 'pending'",
  );
  const defer = prepared(db, 'UPDATE outbox SET attempts = attempts + 1 WHERE change_id = ?');
  db.transaction(() => {
    const acknowledgedIds = response.results
      .filter((result) => result.outcome === 'acknowledged')
      .map((result) => result.changeId);
    const changes = acknowledge.all(at, JSON.stringify(acknowledgedIds)) as {
      entity: string;
      record_id: string;
      version: number;
    }[];
    // The owning domain learns that this version reached the hub ("not yet synced" filters).
    for (const change of changes) tables.get(change.entity)?.acknowledged(change.record_id, change.version);
    for (const result of response.results) {
      switch (result.outcome) {
        case 'acknowledged':
          break;
        case 'conflict':
          storeConflict(db, cipher, result, at);
          break;
        case 'rejected':
          reject.run(JSON.stringify(result.reason ?? { code: 'REJECTED', message: '' }), result.changeId);
          break;
        case 'deferred':
          defer.run(result.changeId);
          break;
      }
    }
  }).immediate();
};

/**
 * The hub's high-water mark is below changes it once acknowledged: it lost them (restored from an
 * older backup, or a new hub). Send them again rather than leave the hub without them.
 */
export const requeueAfter = (db: Database, highWater: number): number =>
  db.prepare("UPDATE outbox SET state = 'pending' WHERE seq > ? AND state <> 'pending'").run(highWater).changes;

export const pendingCount = (db: Database) =>
  prepared(db, "SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
// Through the (state, seq) index: a count over `state <> 'acknowledged'` would scan the whole outbox.
export const unsentCount = (db: Database) =>
  prepared(db, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'rejected', 'conflict')")
    .pluck()
    .get() as number;
