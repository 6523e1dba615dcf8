import type { AppInfo, Health } from '../../shared/domain/app.ts';
import { DatabaseService } from './db/database-service.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './db/migrations/index.ts';
import { EventBus } from './events.ts';
import { log } from './log.ts';
import { NoticeBoard } from './notices/notice-board.ts';
import { createDispatcher, type Dispatcher, type Handlers } from './rpc/dispatcher.ts';
import { SettingsService, type StoreFactory } from './settings/settings-service.ts';

export const APP_NAME = 'PassoPasso';
const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface AppCoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  storeFactory: StoreFactory;
  backupsToKeep?: number;
}

export interface AppCore {
  dispatcher: Dispatcher;
  events: EventBus;
  database: DatabaseService;
  settings: SettingsService;
  close(): void;
}

/** Builds every core service and the one handler table both bindings serve. Plain Node: no Electron here. */
export const createAppCore = (options: AppCoreOptions): AppCore => {
  const startedAt = Date.now();
  const events = new EventBus();
  const notices = new NoticeBoard(events);
  const settings = new SettingsService(options.storeFactory, options.dataDir, events);
  if (settings.resetFrom) notices.add({ kind: 'settingsReset', keptAs: settings.resetFrom });
  const database = new DatabaseService({
    dataDir: options.dataDir,
    migrations: MIGRATIONS,
    latestVersion: LATEST_SCHEMA_VERSION,
    backupsToKeep: options.backupsToKeep ?? 14,
  });
  log.info('core.started', { mode: options.mode, database: database.state.status });

  const runBackup = () =>
    void database.backupIfDue().catch((error: unknown) => {
      log.error('backup.failed', { error: error instanceof Error ? error.name : 'unknown' });
    });
  runBackup();
  const backupTimer = setInterval(runBackup, BACKUP_CHECK_INTERVAL_MS);
  backupTimer.unref();

  const handlers: Handlers = {
    'app.info': () => ({
      name: APP_NAME,
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      database: database.state,
      notices: notices.list(),
    }),
    'app.health': (): Health => ({
      status: database.state.status === 'ok' ? 'ok' : 'degraded',
      database: database.state.status,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      lastBackupAt: database.lastBackupAt,
    }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'database.recover': (input) => {
      const { state, keptAs } = database.recover(input);
      notices.add({ kind: input.action === 'restoreBackup' ? 'databaseRestored' : 'databaseRecovered', keptAs });
      runBackup();
      return state;
    },
    'notices.dismiss': ({ id }) => notices.dismiss(id),
  };

  return {
    dispatcher: createDispatcher(handlers),
    events,
    database,
    settings,
    close() {
      clearInterval(backupTimer);
      database.close();
    },
  };
};
