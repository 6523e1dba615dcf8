import type { AppInfo } from '../../shared/domain/app.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import type { DatabaseService } from './db/database-service.ts';
import type { EventBus } from './events.ts';
import type { DeskKeys } from './keys/desk-keys.ts';
import type { NoticeBoard } from './notices/notice-board.ts';
import type { SettingsService } from './settings/settings-service.ts';

/** What every domain's handlers may use: built once by app-core, passed to each `create…Handlers`. */
export interface CoreContext {
  dataDir: string;
  /** The app's root folder (package.json, resources/): bundled content is read from here. */
  appRoot: string;
  mode: AppInfo['mode'];
  version: string;
  startedAt: number;
  events: EventBus;
  notices: NoticeBoard;
  database: DatabaseService;
  settings: SettingsService;
  /** Starts a backup if today's is missing (never throws; failures are logged). */
  runBackup: () => void;
  /** The desk's master key and its state (loaded before the core started). */
  keys: DeskKeys;
  /**
   * The field cipher for personal data, from the journal's own key. Throws AppFailure('STORAGE',
   * reason keyNotReady) while the key is missing or not the journal's (the start screen explains).
   */
  cipher: () => FieldCipher;
  /** The one clock of the core (tests move it); never `new Date()` in a handler. */
  now: () => Date;
}
