import type { SYNC_METHOD_NAMES } from '../../../shared/contract/domains/sync/names.ts';
import type { CoreContext } from '../core-context.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import type { SyncEngine } from './engine.ts';

/** The sync slice of the contract's handler table (who may call each: shared/contract/domains/sync). */
export const createSyncHandlers = (
  context: CoreContext,
  engine: SyncEngine,
): Pick<Handlers, (typeof SYNC_METHOD_NAMES)[number]> => {
  const problems = () => engine.problems();
  return {
    'sync.status': () => engine.status(),
    // Who may enroll (anyone before set-up, a coordinator afterwards) is the method's declared access.
    'sync.enroll': ({ hubUrl, code }) => engine.enroll(hubUrl, code),
    'sync.now': () => engine.syncNow(),
    'sync.reportOnline': ({ online }) => engine.reportOnline(online),
    'sync.problems': problems,
    'sync.retry': ({ changeId }) => {
      engine.retry(changeId);
      return problems();
    },
    // The signed-in operator (the method's access demands one) answers for the kept version.
    'sync.resolve': async (input, { actor }) => {
      await engine.resolve(input, actor.id);
      return problems();
    },
  };
};
