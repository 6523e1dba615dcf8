import type { Database } from 'better-sqlite3';
import type { PushResult } from '../../../shared/sync-protocol/push.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { prepared } from '../db/statements.ts';

/**
 * Keeps ONE open conflict per record: the desk's latest change of it against the hub's latest
 * version. Two offline edits of a record the hub had moved on from come back as two conflicts
 * (the first on a stale base, the second at the hub's own version with other content); shown as
 * two cards, settling one left the other to breed again. The newer change carries every older
 * edit of this desk (it was made on top of them), so the older conflicts are folded into it: they
 * are answered (acknowledged, saying which change took them over), and settling the newer one
 * closes them at the hub too (the hub closes a desk's conflicts per record).
 * Runs inside the transaction that applies the hub's answer.
 */
export const storeConflict = (db: Database, cipher: FieldCipher, result: PushResult, at: string): void => {
  const theirs = result.theirs ?? { version: 0, op: 'upsert' as const, payload: {} };
  const detail = result.detail ?? 'conflict';
  const marked = prepared(
    db,
    `UPDATE outbox SET state = 'conflict', attempts = attempts + 1, last_error = ?
      WHERE change_id = ? AND state = 'pending' RETURNING seq, entity, record_id`,
  ).get(JSON.stringify({ code: detail, message: 'The hub has another version of this record' }), result.changeId) as
    { seq: number; entity: string; record_id: string } | undefined;
  prepared(
    db,
    `INSERT OR REPLACE INTO sync_conflicts (change_id, detail, theirs_version, theirs_op, theirs_payload, detected_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    result.changeId,
    detail,
    theirs.version,
    theirs.op,
    cipher.encryptJson(theirs.payload, `sync_conflicts.theirs:${result.changeId}`),
    at,
  );
  if (marked) foldOlderConflicts(db, marked, result.changeId, at);
};

const foldOlderConflicts = (
  db: Database,
  newer: { seq: number; entity: string; record_id: string },
  changeId: string,
  at: string,
) => {
  const folded = prepared(
    db,
    `UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, last_error = ?
      WHERE entity = ? AND record_id = ? AND state = 'conflict' AND seq < ?
      RETURNING change_id`,
  )
    .pluck()
    .all(
      at,
      JSON.stringify({ code: 'SETTLED', message: `folded → ${changeId}` }),
      newer.entity,
      newer.record_id,
      newer.seq,
    ) as string[];
  if (folded.length === 0) return;
  prepared(
    db,
    `UPDATE sync_conflicts SET resolved_at = ?, resolution = 'folded'
      WHERE change_id IN (SELECT value FROM json_each(?)) AND resolved_at IS NULL`,
  ).run(at, JSON.stringify(folded));
};

/**
 * The hub's latest version of a record in conflict, fetched as a person settles it: the kept
 * version is then made on it, so it applies at the hub (another desk may have moved the record on
 * since the card was shown).
 */
export const refreshTheirs = (
  db: Database,
  cipher: FieldCipher,
  changeId: string,
  latest: { version: number; op: 'upsert' | 'delete'; payload: Record<string, unknown> },
): void => {
  prepared(
    db,
    `UPDATE sync_conflicts SET theirs_version = ?, theirs_op = ?, theirs_payload = ?
      WHERE change_id = ? AND resolved_at IS NULL AND theirs_version < ?`,
  ).run(
    latest.version,
    latest.op,
    cipher.encryptJson(latest.payload, `sync_conflicts.theirs:${changeId}`),
    changeId,
    latest.version,
  );
};
