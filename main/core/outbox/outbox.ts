import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { prepared } from '../db/statements.ts';
import { uuidv7 } from '../../../shared/ids/uuid7.ts';

export interface Change {
  /** The kind of record: 'citizen', 'session', 'workshop', 'operator', 'guideRun'… */
  entity: string;
  recordId: string;
  op: 'upsert' | 'delete';
  /** The record's version after this change (1 for a new record). */
  version: number;
  /** The version this edit was made on; null for a new record. A stale base is a conflict at the hub. */
  baseVersion: number | null;
  /** The record as of `version` (for a delete: the tombstone with its reason). */
  payload: unknown;
}

export interface OutboxRow {
  seq: number;
  changeId: string;
  entity: string;
  recordId: string;
  op: 'upsert' | 'delete';
  version: number;
  baseVersion: number | null;
  createdAt: string;
  state: 'pending' | 'acknowledged' | 'rejected' | 'conflict';
  attempts: number;
  lastError: string | null;
}

/** An outbox row as SQLite returns it (the columns every reader of the outbox needs). */
export interface OutboxColumns {
  seq: number;
  change_id: string;
  entity: string;
  record_id: string;
  op: 'upsert' | 'delete';
  version: number;
  base_version: number | null;
  payload: string;
  created_at: string;
}

const payloadContext = (changeId: string) => `outbox.payload:${changeId}`;

/**
 * Appends a change. Call it INSIDE the transaction that writes the record: either both are stored
 * or neither is, so nothing written locally can miss the hub.
 */
export const recordChange = (db: Database, cipher: FieldCipher, change: Change, now = new Date()): number => {
  if (!db.inTransaction) throw new Error('recordChange must run inside the transaction that writes the record');
  const changeId = uuidv7(now.getTime());
  const result = prepared(
    db,
    `INSERT INTO outbox (change_id, entity, record_id, op, version, base_version, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    changeId,
    change.entity,
    change.recordId,
    change.op,
    change.version,
    change.baseVersion,
    cipher.encryptJson(change.payload, payloadContext(changeId)),
    now.toISOString(),
  );
  return Number(result.lastInsertRowid);
};

/** The decrypted payload of an outbox row (for the sync engine, just before sending). */
export const readPayload = (cipher: FieldCipher, changeId: string, encrypted: string): unknown =>
  cipher.decryptJson(encrypted, payloadContext(changeId));

export const countUnsent = (db: Database): number =>
  db.prepare("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'").pluck().get() as number;

export const hasUnsentChange = (db: Database, entity: string, recordId: string): boolean =>
  db
    .prepare("SELECT 1 FROM outbox WHERE entity = ? AND record_id = ? AND state <> 'acknowledged' LIMIT 1")
    .pluck()
    .get(entity, recordId) === 1;

/** The outbox's last seq (AUTOINCREMENT never reuses one): when it moves, something new was written. */
export const lastOutboxSeq = (db: Database): number =>
  (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() as number | undefined) ?? 0;
