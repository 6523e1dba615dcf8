import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { ExportedRecords } from './export-service.ts';
import { writeRowsInBackground } from './background-writes.ts';
import { writeInSlices } from './sliced-writes.ts';

/** Ids looked up per query: a few milliseconds each, with a yield between them. */
const LOOKUP_CHUNK = 2000;

/**
 * Marks the records of an export as exported (the journal's retention needs it). Sessions are
 * updated in the order the table stores them, not the file's (date) order: 100k updates in date
 * order dirty every page of the table once per short transaction (~2.6 s on a seeded desk, where
 * dates and entry order differ); in table order each page is written about once (~0.4 s).
 * `knownRowid`: where the export already read a session's place in the table, so most need no query.
 */
export const markExported = async (
  db: Database,
  parts: readonly ExportedRecords[],
  at: string,
  knownRowid: (sessionId: string) => number | undefined = () => undefined,
): Promise<void> => {
  const rowidsOf = db.prepare('SELECT rowid FROM sessions WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const rowids: number[] = [];
  const sessionIds: string[] = [];
  const participants: string[] = [];
  for (const part of parts) {
    part.recordIds.forEach((id, index) => {
      if (part.recordKinds[index] === 'workshopParticipant') return void participants.push(id);
      const rowid = knownRowid(id);
      if (rowid === undefined) sessionIds.push(id);
      else rowids.push(rowid);
    });
    await yieldToEventLoop();
  }
  for (let start = 0; start < sessionIds.length; start += LOOKUP_CHUNK) {
    for (const rowid of rowidsOf.all(JSON.stringify(sessionIds.slice(start, start + LOOKUP_CHUNK))) as number[])
      rowids.push(rowid);
    await yieldToEventLoop();
  }
  const sorted = Float64Array.from(rowids).sort();
  function* updates(): Generator<unknown[]> {
    for (const rowid of sorted) yield [at, rowid];
  }
  await writeRowsInBackground(db, 'UPDATE sessions SET exported_at = ? WHERE rowid = ?', updates());
  const workshop = db.prepare(
    'UPDATE workshops SET exported_at = ? WHERE id = (SELECT workshop_id FROM workshop_participants WHERE id = ?)',
  );
  await writeInSlices(db, participants, (id) => workshop.run(at, id));
};
