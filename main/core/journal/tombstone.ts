import type { SignedIn } from '../../../shared/domain/journal/operators.ts';
import { requirePermission } from './auth/permissions.ts';
import { refuse, type JournalContext } from './journal-context.ts';
import { writeVersion } from './record-write.ts';
import type { RecordModule } from './records/record-kit.ts';

/**
 * A coordinator's delete of a session or workshop: permission first, then the record (so a
 * volunteer learns nothing about ids), idempotent on a tombstone, refused on a stale version. The
 * tombstone (the row stays, so the hub learns of the delete) with its outbox change and audit
 * entry, and `alsoInTransaction` (what else the record's domain removes), commit together.
 */
export const deleteWithTombstone = <Row extends { id: string; version: number; deleted_at: string | null }>(
  context: JournalContext,
  request: {
    record: RecordModule<Row>;
    input: { baseVersion: number; reason: string };
    actor: SignedIn;
    load: () => Row;
    alsoInTransaction?: (row: Row) => void;
  },
): void => {
  requirePermission(request.actor.role, 'deleteRecords');
  const row = request.load();
  if (row.deleted_at) return;
  if (row.version !== request.input.baseVersion) throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile');
  const at = context.now().toISOString();
  const { reason } = request.input;
  context.db().transaction(() => {
    writeVersion(context, request.record, {
      id: row.id,
      version: row.version + 1,
      mode: 'update',
      op: 'delete',
      payload: { id: row.id, deletedAt: at, reason },
      local: { deleted_by: request.actor.id },
      audit: { action: 'delete', operatorId: request.actor.id, reason },
    });
    request.alsoInTransaction?.(row);
  })();
};
