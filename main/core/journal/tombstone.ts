import { writeAudit } from './audit.ts';
import { writeChange, type JournalEntity } from './changes.ts';
import type { JournalContext } from './journal-context.ts';

/**
 * Marks a record deleted (a tombstone: the row stays, so the hub learns of the delete), with its
 * outbox change and audit entry. Call inside the transaction that does the rest of the delete.
 */
export const writeTombstone = (
  context: JournalContext,
  tombstone: {
    entity: Extract<JournalEntity, 'session' | 'workshop'>;
    id: string;
    version: number;
    at: string;
    actorId: string;
    reason: string;
  },
): void => {
  const table = tombstone.entity === 'session' ? 'sessions' : 'workshops';
  context
    .db()
    .prepare(`UPDATE ${table} SET version = ?, deleted_at = ?, deleted_by = ?, delete_reason = ? WHERE id = ?`)
    .run(tombstone.version, tombstone.at, tombstone.actorId, tombstone.reason, tombstone.id);
  writeChange(
    context,
    tombstone.entity,
    tombstone.id,
    tombstone.version,
    { id: tombstone.id, deletedAt: tombstone.at, reason: tombstone.reason },
    'delete',
  );
  writeAudit(context, {
    entity: tombstone.entity,
    recordId: tombstone.id,
    version: tombstone.version,
    action: 'delete',
    operatorId: tombstone.actorId,
    reason: tombstone.reason,
  });
};
