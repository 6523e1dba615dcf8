import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { FacilitaServiceRecord } from './record.ts';
import { writeRowsInBackground } from './background-writes.ts';
import { writeInSlices } from './sliced-writes.ts';

/** Ids looked up per query: a few milliseconds each, with a yield between them. */
const LOOKUP_CHUNK = 2000;

/**
 * Marks the records of an export as exported (the journal's retention needs it). Sessions are
 * updated in the order the table stores them, not the file's (date) order: 100k updates in date
 * order dirty every page of the table once per short transaction (~2.6 s on a seeded desk, where
 * dates and entry order differ); in table order each page is written about once (~0.4 s).
 */
export const markExported = async (
  db: Database,
  records: readonly { id: string; kind: FacilitaServiceRecord['recordKind'] }[],
  at: string,
): Promise<void> => {
  const rowidsOf = db.prepare('SELECT rowid FROM sessions WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const sessionIds = records.filter((record) => record.kind === 'session').map((record) => record.id);
  const rowids: number[] = [];
  for (let start = 0; start < sessionIds.length; start += LOOKUP_CHUNK) {
    for (const rowid of rowidsOf.all(JSON.stringify(sessionIds.slice(start, start + LOOKUP_CHUNK))) as number[])
      rowids.push(rowid);
    await yieldToEventLoop();
  }
  await writeRowsInBackground(
    db,
    'UPDATE sessions SET exported_at = ? WHERE rowid = ?',
    Float64Array.from(rowids).sort(),
    (rowid) => [at, rowid],
  );
  const workshop = db.prepare(
    'UPDATE workshops SET exported_at = ? WHERE id = (SELECT workshop_id FROM workshop_participants WHERE id = ?)',
  );
  const participants = records.filter((record) => record.kind === 'workshopParticipant');
  await writeInSlices(db, participants, (record) => workshop.run(at, record.id));
};
