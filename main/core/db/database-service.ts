import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { DatabaseState, RecoverDatabaseInput } from '../../../shared/domain/app.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import { backupIfDue, listBackups, type BackupFile } from './backup.ts';
import { databaseFileOf } from './database-file.ts';
import { inspectDatabase } from './inspect.ts';
import { keepAside, restoreFrom } from './keep-aside.ts';
import { migrate, type Migration } from './migrate.ts';
import { applyPragmas } from './pragmas.ts';

export interface DatabaseServiceOptions {
  dataDir: string;
  migrations: readonly Migration[];
  latestVersion: number;
  backupsToKeep: number;
  now?: () => Date;
}

/**
 * Owns the desk's database file: opens it only when it is healthy and of a version we know,
 * otherwise holds a state the UI turns into an error or recovery screen, touching nothing.
 */
export class DatabaseService {
  readonly file: string;
  readonly backupDir: string;
  readonly damagedDir: string;
  #db: Database.Database | null = null;
  #state: DatabaseState;
  #lastBackupAt: string | null = null;
  readonly #options: DatabaseServiceOptions;
  readonly #now: () => Date;

  constructor(options: DatabaseServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.file = databaseFileOf(options.dataDir);
    this.backupDir = join(options.dataDir, 'backups');
    this.damagedDir = join(options.dataDir, 'damaged');
    this.#state = this.#open();
  }

  get state(): DatabaseState {
    return this.#state;
  }

  get lastBackupAt(): string | null {
    return this.#lastBackupAt ?? listBackups(this.backupDir)[0]?.createdAt ?? null;
  }

  /** The open database, or a STORAGE failure the UI can explain. */
  get db(): Database.Database {
    if (!this.#db) throw new AppFailure('STORAGE', `The database is not available (${this.#state.status})`);
    return this.#db;
  }

  backups(): BackupFile[] {
    return listBackups(this.backupDir);
  }

  async backupIfDue(): Promise<BackupFile | null> {
    if (!this.#db) return null;
    const taken = await backupIfDue(this.#db, this.backupDir, { keep: this.#options.backupsToKeep, now: this.#now() });
    if (taken) this.#lastBackupAt = taken.createdAt;
    return taken;
  }

  /** The person's choice on the recovery screen. Returns where the damaged file was kept. */
  recover(input: RecoverDatabaseInput): { state: DatabaseState; keptAs: string } {
    if (this.#state.status !== 'damaged') {
      throw new AppFailure('CONFLICT', 'The database is not damaged; nothing to recover');
    }
    const backup =
      input.action === 'restoreBackup'
        ? this.backups().find((candidate) => candidate.name === input.backup)
        : undefined;
    if (input.action === 'restoreBackup' && !backup) {
      throw new AppFailure('NOT_FOUND', 'No such backup', {
        backup: input.action === 'restoreBackup' ? input.backup : '',
      });
    }
    const keptAs = keepAside(this.file, this.damagedDir, this.#now());
    if (backup) restoreFrom(backup.path, this.file);
    this.#state = this.#open();
    return { state: this.#state, keptAs };
  }

  close(): void {
    this.#db?.close();
    this.#db = null;
  }

  #open(): DatabaseState {
    mkdirSync(dirname(this.file), { recursive: true });
    const inspection = inspectDatabase(this.file, this.#options.latestVersion);
    switch (inspection.kind) {
      case 'tooNew':
        return {
          status: 'tooNew',
          file: this.file,
          foundVersion: inspection.schemaVersion,
          supportedVersion: this.#options.latestVersion,
        };
      case 'damaged':
        return {
          status: 'damaged',
          file: this.file,
          reason: inspection.reason,
          backups: this.backups().map(({ name, createdAt, bytes }) => ({ name, createdAt, bytes })),
        };
      case 'missing':
      case 'healthy': {
        const db = new Database(this.file);
        applyPragmas(db);
        const { to } = migrate(db, this.#options.migrations);
        this.#db = db;
        return { status: 'ok', schemaVersion: to, file: this.file };
      }
    }
  }
}
