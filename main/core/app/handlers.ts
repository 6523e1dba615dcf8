import type { APP_METHOD_NAMES } from '../../../shared/contract/domains/app/names.ts';
import type { Health } from '../../../shared/domain/app.ts';
import type { CoreContext } from '../core-context.ts';
import type { Handlers } from '../rpc/dispatcher.ts';

export const APP_NAME = 'PassoPasso';

/** App info, health, settings, database recovery and notices. */
export const createAppHandlers = (context: CoreContext): Pick<Handlers, (typeof APP_METHOD_NAMES)[number]> => {
  const { database, notices, settings } = context;
  return {
    'app.info': () => ({
      name: APP_NAME,
      version: context.version,
      mode: context.mode,
      dataDir: context.dataDir,
      database: database.state,
      keys: context.keys.state,
      notices: notices.list(),
    }),
    'app.health': (): Health => ({
      status: database.state.status === 'ok' ? 'ok' : 'degraded',
      database: database.state.status,
      uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
      lastBackupAt: database.lastBackupAt,
    }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'database.recover': async (input) => {
      const { state, keptAs } = database.recover(input);
      notices.add({ kind: input.action === 'restoreBackup' ? 'databaseRestored' : 'databaseRecovered', keptAs });
      // A restored backup may be under another key (made on another machine): the key screen asks for it.
      await context.keys.reload();
      context.runBackup();
      return state;
    },
    'notices.dismiss': ({ id }) => notices.dismiss(id),
  };
};
