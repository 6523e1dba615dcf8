import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeRowsInBackground } from '../../../main/core/export/facilita/background-writes.ts';
import { applyPragmas } from '../../../main/core/db/pragmas.ts';
import { tempDataDir } from '../../support/host-process.ts';

const INSERT = 'INSERT INTO rows (n, label) VALUES (?, ?)';

const database = (file = join(tempDataDir('background-writes'), 'test.sqlite')) => {
  const db = new Database(file);
  applyPragmas(db);
  db.exec('CREATE TABLE rows (n INTEGER NOT NULL UNIQUE, label TEXT NOT NULL)');
  return db;
};

describe('rows written on a worker thread', () => {
  it('writes every row, in the order given, where the app’s connection reads them', async () => {
    const db = database();
    const items = Array.from({ length: 45_001 }, (_, index) => 45_001 - index);
    await writeRowsInBackground(
      db,
      INSERT,
      items.map((n) => [n, `row ${n}`]),
    );
    const read = db.prepare('SELECT n, label FROM rows ORDER BY rowid').all() as { n: number; label: string }[];
    expect(read).toHaveLength(items.length);
    expect(read.map((row) => row.n)).toEqual(items);
    expect(read[0]?.label).toBe('row 45001');
    db.close();
  });

  it('fails with SQLite’s reason when a row cannot be written', async () => {
    const db = database();
    const items = [1, 2, 3, 2];
    await expect(
      writeRowsInBackground(
        db,
        INSERT,
        items.map((n) => [n, 'x']),
      ),
    ).rejects.toThrow(/UNIQUE/);
    // Its transaction is rolled back whole: the app's connection can write again at once.
    expect(db.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(0);
    db.prepare(INSERT).run(9, 'after');
    db.close();
  });

  it('writes an in-memory database on its own thread (a worker cannot open it)', async () => {
    const db = database(':memory:');
    await writeRowsInBackground(
      db,
      INSERT,
      [1, 2, 3].map((n) => [n, `row ${n}`]),
    );
    expect(db.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(3);
    db.close();
  });

  it('writes the first statement before the rows and the last after them, on a file and in memory alike', async () => {
    for (const file of [undefined, ':memory:']) {
      const db = database(file);
      // Rows made as they are handed over: a generator, not a list made in advance.
      function* rows(): Generator<unknown[]> {
        for (let n = 1; n <= 25_000; n += 1) yield [n, `row ${n}`];
      }
      await writeRowsInBackground(db, INSERT, rows(), {
        first: { sql: INSERT, values: [0, 'first'] },
        last: { sql: INSERT, values: [-1, 'last'] },
      });
      const labels = db.prepare('SELECT label FROM rows ORDER BY rowid').pluck().all() as string[];
      expect(labels).toHaveLength(25_002);
      expect([labels[0], labels[1], labels.at(-2), labels.at(-1)]).toEqual(['first', 'row 1', 'row 25000', 'last']);
      db.close();
    }
  });
});
