import type { PushChange, PushResult, TheirVersion } from '../../shared/sync-protocol/push.ts';
import type { Queryable } from '../db/database.ts';

/**
 * Answers for changes the hub has seen before (a replayed batch, or a retry after a lost answer):
 * the same outcome as the first time, and no second write. A seq at or under the high-water mark
 * that the hub does not know under that change id is refused: a desk must never reuse a seq.
 */
export const replayResults = async (
  tx: Queryable,
  deviceId: string,
  changes: readonly PushChange[],
  highWater: number,
): Promise<Map<string, PushResult>> => {
  const results = new Map<string, PushResult>();
  const ids = changes.map((change) => change.changeId);
  const known = await tx.query<{
    change_id: string;
    device_id: string;
    outcome: PushResult['outcome'];
    detail: string | null;
  }>('SELECT change_id, device_id, outcome, detail FROM changes WHERE change_id = ANY($1::uuid[])', [ids]);
  const byId = new Map(known.map((row) => [row.change_id, row]));
  const conflictIds = known.filter((row) => row.outcome === 'conflict').map((row) => row.change_id);
  const theirs = new Map<string, TheirVersion>();
  if (conflictIds.length > 0) {
    const rows = await tx.query<{
      change_id: string;
      theirs_version: number;
      theirs_op: 'upsert' | 'delete';
      theirs_payload: Record<string, unknown>;
    }>('SELECT change_id, theirs_version, theirs_op, theirs_payload FROM conflicts WHERE change_id = ANY($1::uuid[])', [
      conflictIds,
    ]);
    for (const row of rows) {
      theirs.set(row.change_id, {
        version: Number(row.theirs_version),
        op: row.theirs_op,
        payload: row.theirs_payload,
      });
    }
  }
  for (const change of changes) {
    const row = byId.get(change.changeId);
    const base = { changeId: change.changeId, seq: change.seq };
    if (row && row.device_id !== deviceId) {
      results.set(change.changeId, {
        ...base,
        outcome: 'rejected',
        reason: { code: 'FORBIDDEN', message: 'This change id belongs to another desk' },
      });
    } else if (row) {
      results.set(change.changeId, replayOf(base, row.outcome, row.detail, theirs.get(change.changeId)));
    } else if (change.seq <= highWater) {
      results.set(change.changeId, {
        ...base,
        outcome: 'rejected',
        reason: { code: 'SEQ_REUSED', message: 'This desk already sent another change with this seq' },
      });
    }
  }
  return results;
};

const replayOf = (
  base: { changeId: string; seq: number },
  outcome: PushResult['outcome'],
  detail: string | null,
  theirs: TheirVersion | undefined,
): PushResult => {
  if (outcome === 'rejected') {
    const reason = detail
      ? (JSON.parse(detail) as { code: string; message: string })
      : { code: 'REJECTED', message: '' };
    return { ...base, outcome, reason };
  }
  if (outcome === 'conflict') return { ...base, outcome, detail: detail ?? 'conflict', ...(theirs ? { theirs } : {}) };
  return { ...base, outcome: 'acknowledged', detail: 'replayed' };
};
