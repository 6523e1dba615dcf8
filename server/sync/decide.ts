import type { PushChange } from '../../shared/sync-protocol/push.ts';

export interface CurrentRecord {
  version: number;
  deleted: boolean;
  payload: Record<string, unknown>;
  hash: string;
}

export type Decision =
  | { outcome: 'acknowledged'; detail: 'applied' | 'sameContent' | 'superseded' }
  | { outcome: 'conflict'; detail: 'staleBase' | 'sameVersionOtherContent' }
  | { outcome: 'rejected'; reason: { code: string; message: string } };

/**
 * What the hub does with one new change, given the record as the hub has it (docs/architecture.md §4). Pure,
 * so every rule is tested on its own:
 * - no record yet → apply;
 * - an edit on a record deleted concurrently → apply (an edit beats a concurrent delete);
 * - the version the hub already has, with the same content → acknowledged, nothing to do;
 *   with other content → conflict (never a silent overwrite);
 * - made on the hub's current version → apply;
 * - a delete made on an older version → acknowledged but not applied (the concurrent edit wins);
 * - an edit made on an older version → conflict, both versions kept;
 * - an edit by a desk with an open conflict on the record, that does not settle it → conflict: it was
 *   built on the desk's own version that conflicted, whose number may equal the hub's (the desk's
 *   own 2, then 3 on it, against another desk's 2 at the hub).
 */
export const decide = (
  current: CurrentRecord | undefined,
  change: PushChange,
  hash: string,
  deskHasOpenConflict = false,
): Decision => {
  const decision = decideOnVersions(current, change, hash);
  if (deskHasOpenConflict && !change.resolves && decision.outcome === 'acknowledged' && decision.detail === 'applied')
    return { outcome: 'conflict', detail: 'staleBase' };
  return decision;
};

const decideOnVersions = (current: CurrentRecord | undefined, change: PushChange, hash: string): Decision => {
  if (!current) return { outcome: 'acknowledged', detail: 'applied' };
  const sameContent = current.hash === hash && current.deleted === (change.op === 'delete');
  if (current.deleted && change.op === 'upsert' && change.baseVersion !== current.version) {
    return { outcome: 'acknowledged', detail: 'applied' };
  }
  if (change.version === current.version) {
    return sameContent
      ? { outcome: 'acknowledged', detail: 'sameContent' }
      : { outcome: 'conflict', detail: 'sameVersionOtherContent' };
  }
  if (change.baseVersion === current.version && change.version > current.version) {
    return { outcome: 'acknowledged', detail: 'applied' };
  }
  if (change.op === 'delete') return { outcome: 'acknowledged', detail: 'superseded' };
  return { outcome: 'conflict', detail: 'staleBase' };
};
