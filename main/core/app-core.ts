import type { AppInfo } from '../../shared/domain/app.ts';
import { createAppHandlers } from './app/handlers.ts';
import type { CoreContext } from './core-context.ts';
import { DatabaseService } from './db/database-service.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './db/migrations/index.ts';
import { EventBus } from './events.ts';
import { DeskKeys } from './keys/desk-keys.ts';
import { createKeysHandlers } from './keys/handlers.ts';
import { fileKeyVault } from './keys/key-vault.ts';
import { createJournalHandlers, journalContextOf } from './journal/handlers.ts';
import { JournalService } from './journal/journal-service.ts';
import { readAudit } from './journal/audit.ts';
import { journalSyncTables } from './journal/sync-tables.ts';
import { exportRegistrySync } from './export/facilita/organisation-registry.ts';
import { createFacilitaHandlers } from './export/facilita/handlers.ts';
import { createDashboardsHandlers } from './dashboards/handlers.ts';
import { journalFacilitaSource } from './export/facilita/journal-source.ts';
import { createGuides, createGuidesHandlers, startProjectorRun } from './guides/handlers.ts';
import { log } from './log.ts';
import { NoticeBoard } from './notices/notice-board.ts';
import { readPackageInfo } from './package-info.ts';
import { createAccessGate } from './rpc/access-gate.ts';
import { CitizenPasses } from './rpc/caller.ts';
import { createDispatcher, type Dispatcher, type Handlers } from './rpc/dispatcher.ts';
import { SettingsService, type StoreFactory } from './settings/settings-service.ts';
import { SyncEngine, type SyncEngineOptions } from './sync/engine.ts';
import { createSyncHandlers } from './sync/handlers.ts';
import { syncTablesOf, type SyncedTable } from './sync/synced-tables.ts';

export { APP_NAME } from './app/handlers.ts';

const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface AppCoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  storeFactory: StoreFactory;
  /** Where package.json and resources/ are; found from this file when not given. */
  appRoot?: string;
  backupsToKeep?: number;
  /**
   * The desk's key, loaded before the core starts (`await DeskKeys.open(vault, dataDir)`); when
   * not given, the private key file in the data folder, read now.
   */
  keys?: DeskKeys;
  /** Sync engine timings (tests shorten them or drive sync by hand). */
  sync?: SyncEngineOptions;
  /** The clock every service reads (the journal's dates, sync's times); the system clock when not given. */
  now?: () => Date;
  /** Synced tables beyond the journal's (tests sync a record kind of their own). */
  moreSyncedTables?: (context: CoreContext) => readonly SyncedTable[];
}

export interface AppCore {
  dispatcher: Dispatcher;
  /** The citizen views' passes: bindings resolve the pass a call carries to its caller. */
  passes: CitizenPasses;
  events: EventBus;
  database: DatabaseService;
  settings: SettingsService;
  keys: DeskKeys;
  context: CoreContext;
  sync: SyncEngine;
  close(): void;
}

/** Builds every core service and the one handler table both bindings serve. Plain Node: no Electron here. */
export const createAppCore = (options: AppCoreOptions): AppCore => {
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

  const keys = options.keys ?? DeskKeys.openNow(fileKeyVault(options.dataDir), options.dataDir);
  keys.attach(() => (database.state.status === 'ok' ? database.db : null));

  const now = options.now ?? (() => new Date());
  const context: CoreContext = {
    now,
    dataDir: options.dataDir,
    appRoot: options.appRoot ?? readPackageInfo(import.meta.url).root,
    mode: options.mode,
    version: options.version,
    startedAt: Date.now(),
    events,
    notices,
    database,
    settings,
    runBackup,
    keys,
    cipher: () => keys.cipher(),
  };

  const guides = createGuides(context);

  const journalContext = journalContextOf(context, now);
  // The sync engine calls back into the journal only through these, built for this core alone.
  const journalTables = journalSyncTables(journalContext);
  // The organisation's one Facilita registry: this desk's exports go up, the hub's come down.
  const exportRegistry = exportRegistrySync(() => database.db);
  const sync = new SyncEngine(
    context,
    syncTablesOf(
      [...journalTables.tables, ...(options.moreSyncedTables?.(context) ?? [])],
      [...journalTables.feed, ['facilitaExport', exportRegistry.applyHubExport]],
      { exports: exportRegistry, beforeEnroll: journalTables.beforeEnroll },
    ),
    { now, ...options.sync },
  );
  sync.onGuidePacksInstalled(() => guides.library.reload());
  const journal = new JournalService(journalContext);
  const passes = new CitizenPasses();

  // Each domain contributes its slice of the one handler table (see shared/contract/methods.ts).
  const handlers: Handlers = {
    ...createAppHandlers(context),
    ...createKeysHandlers(context, { isSetUp: () => journal.status().setUp }),
    ...createGuidesHandlers(context, guides, passes),
    ...createJournalHandlers(context, journal, passes, startProjectorRun(guides)),
    ...createSyncHandlers(context, sync),
    ...createFacilitaHandlers(context, () =>
      journalFacilitaSource(
        context.database.db,
        context.cipher(),
        (siteId) => readAudit(journalContext, 'site', siteId),
        now,
      ),
    ),
    ...createDashboardsHandlers(context),
  };
  // Who may call what is declared with each method and checked here, once, for every binding.
  const gate = createAccessGate({
    requireSignedIn: () => journal.auth.require(),
    noteActivity: () => journal.auth.noteActivity(),
    isSetUp: () => journal.site.find() !== null,
  });

  return {
    dispatcher: createDispatcher(handlers, gate),
    passes,
    events,
    database,
    settings,
    keys,
    context,
    sync,
    close() {
      clearInterval(backupTimer);
      sync.stop();
      database.close();
    },
  };
};
