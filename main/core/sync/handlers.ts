import type { SYNC_METHOD_NAMES } from '../../../shared/contract/domains/sync/names.ts';
import type { CoreContext } from '../core-context.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import type { SyncEngine } from './engine.ts';
import { listProblems } from './problems.ts';

/** The sync slice of the contract's handler table. */
export const createSyncHandlers = (
  context: CoreContext,
  engine: SyncEngine,
  people: {
    /** Throws unless the person at the desk may connect it to a hub (the journal decides who). */
    mayEnroll: () => void;
    /** The signed-in operator's id, who answers for a resolved conflict; throws LOCKED when nobody is. */
    resolver: () => string;
  },
): Pick<Handlers, (typeof SYNC_METHOD_NAMES)[number]> => {
  const problems = () => listProblems(context.database.db, context.cipher());
  return {
    'sync.status': () => engine.status(),
    'sync.enroll': ({ hubUrl, code }) => {
      people.mayEnroll();
      return engine.enroll(hubUrl, code);
    },
    'sync.now': () => engine.syncNow(),
    'sync.reportOnline': ({ online }) => engine.reportOnline(online),
    'sync.problems': problems,
    'sync.retry': ({ changeId }) => {
      engine.retry(changeId);
      return problems();
    },
    'sync.resolve': (input) => {
      engine.resolve(input, people.resolver());
      return problems();
    },
  };
};
