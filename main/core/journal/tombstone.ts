import type { SignedIn } from '../../../shared/domain/journal/operators.ts';
import { writeAudit } from './audit.ts';
import { requirePermission } from './auth/permissions.ts';
import { writeChange, type JournalEntity } from './changes.ts';
import { refuse, type JournalContext } from './journal-context.ts';

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

/**
 * A coordinator's delete of a session or workshop: permission first, then the record (so a
 * volunteer learns nothing about ids), idempotent on a tombstone, refused on a stale version; the
 * tombstone and `alsoInTransaction` (what else the record's domain removes) commit together.
 */
export const deleteWithTombstone = <Row extends { id: string; version: number; deleted_at: string | null }>(
  context: JournalContext,
  request: {
    entity: Extract<JournalEntity, 'session' | 'workshop'>;
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
  context.db().transaction(() => {
    writeTombstone(context, {
      entity: request.entity,
      id: row.id,
      version: row.version + 1,
      at,
      actorId: request.actor.id,
      reason: request.input.reason,
    });
    request.alsoInTransaction?.(row);
  })();
};
