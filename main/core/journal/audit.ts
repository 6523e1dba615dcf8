import type { AuditEntry } from '../../../shared/domain/journal/sessions.ts';
import type { JournalContext } from './journal-context.ts';

type Action = AuditEntry['action'];

export interface AuditRecord {
  entity: string;
  recordId: string;
  version: number;
  action: Action;
  operatorId: string | null;
  /** Field → [before, after]; may hold personal data, so it is stored encrypted. */
  changes?: Record<string, [unknown, unknown]>;
  reason?: string | null;
}

const auditContext = (entity: string, recordId: string, version: number) => `audit:${entity}:${recordId}:${version}`;

/** Call inside the record's transaction: an edit without its audit entry must not exist. */
export const writeAudit = (context: JournalContext, record: AuditRecord): void => {
  const body = { changes: record.changes ?? {}, reason: record.reason ?? null };
  context
    .db()
    .prepare(
      `INSERT INTO audit_log (entity, record_id, version, action, operator_id, at, changes_enc)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.entity,
      record.recordId,
      record.version,
      record.action,
      record.operatorId,
      context.now().toISOString(),
      context.cipher().encryptJson(body, auditContext(record.entity, record.recordId, record.version)),
    );
};

export const readAudit = (context: JournalContext, entity: string, recordId: string): AuditEntry[] => {
  const rows = context
    .db()
    .prepare(
      `SELECT a.version, a.action, a.at, a.changes_enc, o.name AS operator_name
       FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
       WHERE a.entity = ? AND a.record_id = ? ORDER BY a.seq`,
    )
    .all(entity, recordId) as {
    version: number;
    action: Action;
    at: string;
    changes_enc: string | null;
    operator_name: string | null;
  }[];
  return rows.map((row) => {
    const body = row.changes_enc
      ? context
          .cipher()
          .decryptJson<{ changes: Record<string, [unknown, unknown]>; reason: string | null }>(
            row.changes_enc,
            auditContext(entity, recordId, row.version),
          )
      : { changes: {}, reason: null };
    return {
      version: row.version,
      action: row.action,
      at: row.at,
      operatorName: row.operator_name ?? '',
      changes: body.changes,
      reason: body.reason,
    };
  });
};

/** The fields whose values differ, as [before, after] (compared as JSON: arrays and objects too). */
export const diffFields = <T extends Record<string, unknown>>(
  before: T,
  after: T,
): Record<string, [unknown, unknown]> => {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
};
