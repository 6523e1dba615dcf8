import type { Database } from 'better-sqlite3';
import type { ResolveInput, SyncProblem, VersionView } from '../../../shared/domain/sync/status.ts';
import { withoutDeskOnlyFields } from '../../../shared/sync-protocol/record-payloads.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { readPayload, recordChange, type OutboxColumns } from '../outbox/outbox.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import { presentProblem } from './problem-view.ts';
import type { SyncTables } from './synced-tables.ts';

interface ProblemRow extends OutboxColumns {
  state: 'rejected' | 'conflict';
  last_error: string | null;
  detail: string | null;
  theirs_version: number | null;
  theirs_op: 'upsert' | 'delete' | null;
  theirs_payload: string | null;
}

const SELECT = `
  SELECT o.seq, o.change_id, o.entity, o.record_id, o.op, o.version, o.base_version, o.payload, o.created_at,
         o.state, o.last_error, c.detail, c.theirs_version, c.theirs_op, c.theirs_payload
    FROM outbox o LEFT JOIN sync_conflicts c ON c.change_id = o.change_id
   WHERE o.state IN ('rejected', 'conflict')`;

const reasonOf = (row: ProblemRow): { code: string; message: string } => {
  try {
    const parsed = JSON.parse(row.last_error ?? '') as { code?: unknown; message?: unknown };
    return { code: String(parsed.code ?? 'REJECTED'), message: String(parsed.message ?? '') };
  } catch {
    return { code: row.state === 'conflict' ? (row.detail ?? 'conflict') : 'REJECTED', message: row.last_error ?? '' };
  }
};

const differing = (mine: Record<string, unknown>, theirs: Record<string, unknown>): string[] =>
  [...new Set([...Object.keys(mine), ...Object.keys(theirs)])]
    .filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(theirs[key]))
    .sort();

/** A problem as stored: both versions in full (a resolution keeps one of them whole), never a PIN
 * or password hash, which an older desk put in its outbox and an older hub sent back. */
type StoredProblem = Omit<SyncProblem, 'subject' | 'names'>;

const toProblem = (cipher: FieldCipher, row: ProblemRow): StoredProblem => {
  const shown = (payload: unknown) => withoutDeskOnlyFields(row.entity, payload as Record<string, unknown>);
  const mine: VersionView = {
    version: row.version,
    op: row.op,
    payload: shown(readPayload(cipher, row.change_id, row.payload)),
  };
  const theirs: VersionView | null =
    row.state === 'conflict' && row.theirs_payload !== null
      ? {
          version: row.theirs_version ?? 0,
          op: row.theirs_op ?? 'upsert',
          payload: shown(cipher.decryptJson(row.theirs_payload, `sync_conflicts.theirs:${row.change_id}`)),
        }
      : null;
  return {
    changeId: row.change_id,
    seq: row.seq,
    kind: row.state,
    entity: row.entity,
    recordId: row.record_id,
    createdAt: row.created_at,
    reason: reasonOf(row),
    conflict: theirs ? { mine, theirs, differingFields: differing(mine.payload, theirs.payload) } : null,
  };
};

/**
 * Every change the hub rejected or found in conflict, as a person reads it: they stay here, with
 * their reason, until a person acts (one conflict per record: conflict-store.ts).
 */
export const listProblems = (db: Database, cipher: FieldCipher, tables: SyncTables['tables']): SyncProblem[] =>
  (db.prepare(`${SELECT} ORDER BY o.seq`).all() as ProblemRow[]).map((row) =>
    presentProblem(toProblem(cipher, row), tables.get(row.entity)),
  );

const problemOf = (db: Database, cipher: FieldCipher, changeId: string): StoredProblem => {
  const row = db.prepare(`${SELECT} AND o.change_id = ?`).get(changeId) as ProblemRow | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', 'No rejected or conflicting change with this id');
  return toProblem(cipher, row);
};

/** The record a conflict is about (a conflict still open: resolving checks that again, in its transaction). */
export const conflictRecord = (db: Database, changeId: string): { entity: string; recordId: string } => {
  const row = db
    .prepare("SELECT entity, record_id FROM outbox WHERE change_id = ? AND state = 'conflict'")
    .get(changeId) as { entity: string; record_id: string } | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', 'No conflicting change with this id');
  return { entity: row.entity, recordId: row.record_id };
};

const newChangeId = (db: Database, seq: number): string =>
  db.prepare('SELECT change_id FROM outbox WHERE seq = ?').pluck().get(seq) as string;

/** Closes the old change (answered by the hub; settled by the new one) so it no longer counts as unsent. */
const settle = (
  db: Database,
  old: string,
  replacement: string,
  action: 'retry' | ResolveInput['choice'],
  now: Date,
) => {
  db.prepare("UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, last_error = ? WHERE change_id = ?").run(
    now.toISOString(),
    JSON.stringify({ code: 'SETTLED', message: `${action} → ${replacement}` }),
    old,
  );
  db.prepare('INSERT INTO sync_settlements (change_id, settles, action) VALUES (?, ?, ?)').run(
    replacement,
    old,
    action,
  );
};

/** A rejected change, sent again as a new change (the hub answers each change id once and for all). */
export const retryRejected = (db: Database, cipher: FieldCipher, changeId: string, now: Date): void => {
  const row = db.prepare(`${SELECT} AND o.change_id = ?`).get(changeId) as ProblemRow | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', 'No rejected or conflicting change with this id');
  if (row.state !== 'rejected')
    throw new AppFailure('CONFLICT', 'Only a rejected change can be retried; resolve conflicts');
  db.transaction(() => {
    const seq = recordChange(
      db,
      cipher,
      {
        entity: row.entity,
        recordId: row.record_id,
        op: row.op,
        version: row.version,
        baseVersion: row.base_version,
        payload: readPayload(cipher, row.change_id, row.payload),
      },
      now,
    );
    settle(db, changeId, newChangeId(db, seq), 'retry', now);
  }).immediate();
};

/**
 * Settles a conflict. Keep mine (or a field-by-field merge): a new version on top of the hub's,
 * made on the hub's version so it applies. Keep theirs: the desk takes the hub's version and tells
 * the hub the conflict is settled. Either way the domain's table writes the kept version through
 * its one write path (row, outbox change, audit entry naming `resolvedBy`); an entity without a
 * table only records the change, and is settled at the hub.
 */
export const resolveConflict = (
  db: Database,
  cipher: FieldCipher,
  tables: SyncTables['tables'],
  input: ResolveInput,
  resolvedBy: string,
  now: Date,
): void => {
  const problem = problemOf(db, cipher, input.changeId);
  if (problem.kind !== 'conflict' || !problem.conflict)
    throw new AppFailure('CONFLICT', 'This change is not in conflict');
  const kept = keptVersion(problem.conflict, input);
  const table = tables.get(problem.entity);
  db.transaction(() => {
    const version = { recordId: problem.recordId, ...kept };
    // Keep theirs still sends the hub's own version back: it is acknowledged as the same content and settles the conflict there.
    const seq = table
      ? table.writeResolved(version, resolvedBy)
      : recordChange(
          db,
          cipher,
          {
            entity: problem.entity,
            recordId: problem.recordId,
            op: kept.op,
            version: kept.version,
            baseVersion: kept.version > 1 ? kept.version - 1 : null,
            payload: kept.payload,
          },
          now,
        );
    settle(db, problem.changeId, newChangeId(db, seq), input.choice, now);
    db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE change_id = ?').run(
      now.toISOString(),
      input.choice,
      problem.changeId,
    );
  }).immediate();
};

const keptVersion = ({ mine, theirs }: NonNullable<StoredProblem['conflict']>, input: ResolveInput): VersionView => {
  if (input.choice === 'theirs') return theirs;
  if (input.choice === 'mine') return { version: theirs.version + 1, op: mine.op, payload: mine.payload };
  if (mine.op !== 'upsert' || theirs.op !== 'upsert')
    throw new AppFailure('VALIDATION', 'Field by field needs two edits');
  const merged: Record<string, unknown> = { ...theirs.payload };
  for (const [field, side] of Object.entries(input.fields ?? {})) {
    if (side === 'mine') {
      if (field in mine.payload) merged[field] = mine.payload[field];
      else delete merged[field];
    }
  }
  return { version: theirs.version + 1, op: 'upsert', payload: merged };
};
