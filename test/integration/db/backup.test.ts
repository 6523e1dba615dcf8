import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupIfDue, listBackups } from '../../../main/core/db/backup.ts';
import { tempDataDir } from '../../support/host-process.ts';

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9, 0, 0));

describe('daily backups', () => {
  it('take one backup a day, keep the newest N, and each is a readable database', async () => {
    const dir = tempDataDir('backup');
    const db = new Database(join(dir, 'live.sqlite'));
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello')");
    const backups = join(dir, 'backups');

    expect(await backupIfDue(db, backups, { keep: 3, now: day(1) })).toMatchObject({ createdAt: '2026-11-01' });
    expect(await backupIfDue(db, backups, { keep: 3, now: day(1) })).toBeNull();
    for (const n of [2, 3, 4, 5]) await backupIfDue(db, backups, { keep: 3, now: day(n) });

    expect(listBackups(backups).map((backup) => backup.createdAt)).toEqual(['2026-11-05', '2026-11-04', '2026-11-03']);
    const copy = new Database(listBackups(backups)[0]?.path ?? '', { readonly: true });
    expect(copy.prepare('SELECT x FROM t').pluck().get()).toBe('hello');
    copy.close();
    db.close();
  });

  it('lists nothing for a folder that does not exist', () => {
    expect(listBackups(join(tempDataDir('backup'), 'missing'))).toEqual([]);
  });
});
