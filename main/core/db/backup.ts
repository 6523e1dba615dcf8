import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

const BACKUP_NAME = /^passopasso-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export interface BackupFile {
  name: string;
  path: string;
  /** The day the backup was taken (UTC), yyyy-mm-dd. */
  createdAt: string;
  bytes: number;
}

/** Backups in `dir`, newest first. */
export const listBackups = (dir: string): BackupFile[] => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      name,
      path: join(dir, name),
      createdAt: match[1] ?? '',
      bytes: statSync(join(dir, name)).size,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

/**
 * Takes today's backup with SQLite's online backup API, unless one exists, and keeps the newest `keep`.
 * Written under a temporary name and renamed, so a crash never leaves a half backup that looks whole.
 */
export const backupIfDue = async (
  db: Database,
  dir: string,
  options: { keep: number; now: Date },
): Promise<BackupFile | null> => {
  mkdirSync(dir, { recursive: true });
  const day = options.now.toISOString().slice(0, 10);
  const name = `passopasso-${day}.sqlite`;
  if (listBackups(dir).some((backup) => backup.name === name)) return null;
  const partial = join(dir, `${name}.partial`);
  await db.backup(partial);
  renameSync(partial, join(dir, name));
  for (const old of listBackups(dir).slice(options.keep)) rmSync(old.path, { force: true });
  return listBackups(dir).find((backup) => backup.name === name) ?? null;
};
