import type { SyncProblem, VersionView } from '../../../shared/domain/sync/status.ts';
import { isShownField, shownPayload } from '../../../shared/domain/sync/shown-fields.ts';
import type { RecordDescription, SyncedTable } from './synced-tables.ts';

/** A record kind with no table on this desk (a newer desk's, a test's): named by its kind only. */
const UNKNOWN: RecordDescription = {
  subject: { kind: 'other', name: null, citizen: null, date: null },
  names: {},
};

const shown = (version: VersionView): VersionView => ({ ...version, payload: shownPayload(version.payload) });

/**
 * A stored problem as the screen gets it: the record named by its domain (never its id), and the
 * two versions without what is never shown (a secret, the record's own id).
 */
export const presentProblem = (
  problem: Omit<SyncProblem, 'subject' | 'names'>,
  table: SyncedTable | undefined,
): SyncProblem => {
  const { conflict } = problem;
  const payloads = [problem.conflict?.mine.payload, problem.conflict?.theirs.payload].filter(
    (payload) => payload !== undefined,
  );
  const { subject, names } = table?.describe?.(problem.recordId, payloads) ?? UNKNOWN;
  return {
    ...problem,
    subject,
    names,
    conflict: conflict
      ? {
          mine: shown(conflict.mine),
          theirs: shown(conflict.theirs),
          differingFields: conflict.differingFields.filter(isShownField),
        }
      : null,
  };
};
