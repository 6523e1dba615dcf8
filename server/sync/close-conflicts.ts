import type { AuthenticatedDevice } from '../auth.ts';
import type { Queryable } from '../db/database.ts';
import type { PushChange } from '../../shared/sync-protocol/push.ts';
import { keyOf, type Decided } from './write-batch.ts';

/**
 * A desk settled its conflict on a record (keep mine, keep theirs, merged: a change that `resolves`
 * one, acknowledged here): every conflict this desk still has open on that record is closed. The
 * desk shows one card per record, folding its older edits' conflicts into the newest, so one
 * resolution answers for all of them. Another desk's conflicts on the record stay open: they are
 * that desk's to settle.
 */
export const closeSettledConflicts = async (
  tx: Queryable,
  device: AuthenticatedDevice,
  decided: Iterable<Decided>,
): Promise<void> => {
  const settled = [...decided]
    .filter(({ change, decision }) => change.resolves && decision.outcome === 'acknowledged')
    .map(({ change }) => ({ e: change.entity, r: change.recordId }));
  if (settled.length === 0) return;
  await tx.query(
    `UPDATE conflicts AS c SET resolved_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS t(e text, r text)
      WHERE c.device_id = $1 AND c.entity = t.e AND c.record_id = t.r AND c.resolved_at IS NULL`,
    [device.id, JSON.stringify(settled)],
  );
};

/** The records among `changes` this desk still has an open conflict on, as `keyOf` keys. */
export const openConflictKeys = async (
  tx: Queryable,
  device: AuthenticatedDevice,
  changes: readonly PushChange[],
): Promise<Set<string>> => {
  const records = changes.map((change) => ({ e: change.entity, r: change.recordId }));
  const rows = await tx.query<{ entity: string; record_id: string }>(
    `SELECT DISTINCT c.entity, c.record_id
       FROM conflicts c JOIN jsonb_to_recordset($2::jsonb) AS t(e text, r text) ON c.entity = t.e AND c.record_id = t.r
      WHERE c.device_id = $1 AND c.resolved_at IS NULL`,
    [device.id, JSON.stringify(records)],
  );
  return new Set(rows.map((row) => keyOf(row.entity, row.record_id)));
};
