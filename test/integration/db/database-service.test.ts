import { existsSync, openSync, readdirSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseService } from '../../../main/core/db/database-service.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/db/migrations/index.ts';
import { sha256Of, writeFutureDatabase } from '../../support/files.ts';
import { tempDataDir } from '../../support/host-process.ts';

const serviceIn = (dataDir: string, now?: () => Date) =>
  new DatabaseService({ dataDir, migrations: MIGRATIONS, latestVersion: LATEST_SCHEMA_VERSION, backupsToKeep: 3, now });

/** A real database with rows spread over many pages, then some of its pages overwritten with garbage. */
const writeDamagedDatabase = (file: string) => {
  const db = new Database(file);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT); CREATE INDEX filler_text ON filler(text);');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let row = 0; row < 2000; row += 1) insert.run(`row ${row} ${'x'.repeat(200)}`);
  })();
  db.close();
  const size = statSync(file).size;
  const handle = openSync(file, 'r+');
  writeSync(handle, Buffer.alloc(4096 * 4, 0xab), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
  closeSync(handle);
};

describe('the database service', () => {
  it('creates and opens a new database', () => {
    const service = serviceIn(tempDataDir());
    expect(service.state).toMatchObject({ status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
    service.close();
  });

  it('refuses a database from a newer version and leaves the file byte for byte untouched', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'passopasso.sqlite');
    writeFutureDatabase(file, LATEST_SCHEMA_VERSION + 1000);
    const before = sha256Of(file);
    const service = serviceIn(dataDir);
    expect(service.state).toEqual({
      status: 'tooNew',
      file,
      foundVersion: LATEST_SCHEMA_VERSION + 1000,
      supportedVersion: LATEST_SCHEMA_VERSION,
    });
    expect(() => service.db).toThrow(expect.objectContaining({ code: 'STORAGE' }));
    expect(sha256Of(file)).toBe(before);
    expect(() => service.recover({ action: 'startEmpty' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(sha256Of(file)).toBe(before);
  });

  it('reports a file that is not a database as damaged, untouched', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'passopasso.sqlite');
    writeFileSync(file, 'this is not a database, just text that happens to be here'.repeat(100));
    const before = sha256Of(file);
    const service = serviceIn(dataDir);
    expect(service.state).toMatchObject({ status: 'damaged', reason: 'SQLITE_NOTADB' });
    expect(sha256Of(file)).toBe(before);
  });

  it('finds corrupted pages with integrity_check', () => {
    const dataDir = tempDataDir();
    writeDamagedDatabase(join(dataDir, 'passopasso.sqlite'));
    const service = serviceIn(dataDir);
    expect(service.state.status).toBe('damaged');
  });

  it('recovers by starting empty, keeping the damaged file aside', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'passopasso.sqlite');
    writeFileSync(file, 'garbage'.repeat(1000));
    const before = sha256Of(file);
    const service = serviceIn(dataDir);
    const { state, keptAs } = service.recover({ action: 'startEmpty' });
    expect(state.status).toBe('ok');
    expect(sha256Of(join(keptAs, 'passopasso.sqlite'))).toBe(before);
    service.close();
  });

  it('recovers by restoring the newest backup, with its data', async () => {
    const dataDir = tempDataDir();
    const first = serviceIn(dataDir);
    first.db.prepare("INSERT INTO app_meta (key, value) VALUES ('marker', 'from-backup')").run();
    expect(await first.backupIfDue()).not.toBeNull();
    first.close();
    writeFileSync(join(dataDir, 'passopasso.sqlite'), 'garbage'.repeat(1000));

    const second = serviceIn(dataDir);
    expect(second.state.status).toBe('damaged');
    const backups = second.state.status === 'damaged' ? second.state.backups : [];
    expect(backups).toHaveLength(1);
    const { state } = second.recover({ action: 'restoreBackup', backup: backups[0]?.name ?? '' });
    expect(state.status).toBe('ok');
    expect(second.db.prepare("SELECT value FROM app_meta WHERE key = 'marker'").pluck().get()).toBe('from-backup');
    expect(readdirSync(join(dataDir, 'damaged'))).toHaveLength(1);
    second.close();
  });

  it('refuses to restore a backup that does not exist, changing nothing', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'passopasso.sqlite');
    writeFileSync(file, 'garbage'.repeat(1000));
    const service = serviceIn(dataDir);
    expect(() => service.recover({ action: 'restoreBackup', backup: '../../etc/passwd' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(dataDir, 'damaged'))).toBe(false);
  });
});
