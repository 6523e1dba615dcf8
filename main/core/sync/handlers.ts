import type { SYNC_METHOD_NAMES } from '../../../shared/contract/domains/sync/names.ts';
import type { CoreContext } from '../core-context.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import type { SyncEngine } from './engine.ts';
import { listProblems, resolveConflict, retryRejected, type Resolved } from './problems.ts';

/** The sync slice of the contract's handler table (who may call each: shared/contract/domains/sync). */
export const createSyncHandlers = (
  context: CoreContext,
  engine: SyncEngine,
  /** Writes who resolved a conflict into the record's audit trail (the journal's), inside the resolution's transaction. */
  audit: (resolved: Resolved, operatorId: string) => void,
): Pick<Handlers, (typeof SYNC_METHOD_NAMES)[number]> => {
  const problems = () => listProblems(context.database.db, context.cipher());
  return {
    'sync.status': () => engine.status(),
    // Who may enroll (anyone before set-up, a coordinator afterwards) is the method's declared access.
    'sync.enroll': ({ hubUrl, code }) => engine.enroll(hubUrl, code),
    'sync.now': () => engine.syncNow(),
    'sync.reportOnline': ({ online }) => engine.reportOnline(online),
    'sync.problems': problems,
    'sync.retry': ({ changeId }) => {
      retryRejected(context.database.db, context.cipher(), changeId);
      engine.notifyChange();
      return problems();
    },
    'sync.resolve': (input, { actor }) => {
      resolveConflict(context.database.db, context.cipher(), input, new Date(), (resolved) =>
        audit(resolved, actor.id),
      );
      engine.notifyChange();
      return problems();
    },
  };
};
