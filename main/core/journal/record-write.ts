import { recordChange } from '../outbox/outbox.ts';
import { writeAudit, type AuditRecord } from './audit.ts';
import type { JournalContext } from './journal-context.ts';
import {
  writeColumns,
  type Columns,
  type JournalEntity,
  type Op,
  type Payload,
  type RecordModule,
} from './records/record-kit.ts';

/** Who did it and how, for the audit entry (entity, record and version come from the write). */
export type AuditFacts = Pick<AuditRecord, 'action' | 'operatorId' | 'changes' | 'reason'>;

export interface VersionWrite {
  id: string;
  /** The record's version after this write (1 for a new record). */
  version: number;
  mode: 'insert' | 'update';
  op?: Op;
  /** The record as synced (what the outbox sends); its row's columns come from it through the record's codec. */
  payload: Payload;
  /** Columns only the desk keeps (who created or deleted it, when): written with the row, never synced. */
  local?: Columns;
  /**
   * The audit entry of this version. `{ auditedWith }` only where another record's entry, in the
   * same transaction, already tells this change (a session's follow-up is in the session's entry).
   * A function is called once the row is written (an entry that compares views of the row).
   */
  audit: AuditFacts | (() => AuditFacts) | { auditedWith: JournalEntity };
}

/**
 * The one write path of a synced journal record: the row at its new version (through the record's
 * codec), what else follows the record, its outbox change and its audit entry, all inside the
 * caller's transaction (refused outside one). Returns the outbox seq of the change.
 */
export const writeVersion = (context: JournalContext, record: RecordModule, write: VersionWrite): number => {
  const db = context.db();
  if (!db.inTransaction) throw new Error('writeVersion must run inside the transaction of the whole change');
  const op = write.op ?? 'upsert';
  const now = context.now();
  const at = now.toISOString();
  const cipher = context.cipher();
  const columns = record.columns(write.payload, op, write.id, { cipher, at, db });
  writeColumns(db, record.table, write.mode, write.id, {
    version: write.version,
    ...columns,
    ...write.local,
    updated_at: at,
  });
  record.alsoWrite?.(db, write.id, write.payload, op, { cipher, at, db });
  const seq = recordChange(
    db,
    cipher,
    {
      entity: record.entity,
      recordId: write.id,
      op,
      version: write.version,
      baseVersion: write.version === 1 ? null : write.version - 1,
      payload: write.payload,
    },
    now,
  );
  const { audit } = write;
  if (typeof audit === 'function' || !('auditedWith' in audit)) {
    const facts = typeof audit === 'function' ? audit() : audit;
    writeAudit(context, { entity: record.entity, recordId: write.id, version: write.version, ...facts });
  }
  return seq;
};
