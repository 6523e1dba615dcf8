import type { Database } from 'better-sqlite3';
import { lastOutboxSeq, readPayload } from '../../outbox/outbox.ts';
import { enrolledWith } from '../../sync/sync-state.ts';
import { refuse, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { findSite, SITE } from '../records/site.ts';

/**
 * Demo data is fictional people for training: it must never reach the organisation. The records
 * the demo fill and the seed write are listed in `demo_records` (migration 0340), so removing them
 * deletes exactly those; the site says `demo` while it holds any.
 */

/** The outbox's last seq: records first written after it, up to the next mark, are the fill's. */
export const outboxMark = lastOutboxSeq;

/** Lists as demo data every journal record (not the site) first written after `since` (inside the fill). */
export const markDemoSince = (db: Database, since: number): void => {
  db.prepare(
    `INSERT OR IGNORE INTO demo_records (entity, record_id)
       SELECT DISTINCT entity, record_id FROM outbox WHERE seq > ? AND entity <> 'site' AND version = 1`,
  ).run(since);
};

export const markDemo = (db: Database, entity: string, recordId: string): void => {
  db.prepare('INSERT OR IGNORE INTO demo_records (entity, record_id) VALUES (?, ?)').run(entity, recordId);
};

/** Does this desk hold demo data (a demo site, or any listed demo record)? */
export const holdsDemoData = (db: Database): boolean =>
  findSite(db)?.demo === true || db.prepare('SELECT 1 FROM demo_records LIMIT 1').pluck().get() === 1;

/** A desk enrolled with an organisation never takes in demo data (the fill and the seed call this first). */
export const refuseDemoWhenEnrolled = (db: Database): void => {
  if (enrolledWith(db))
    throw refuse('CONFLICT', 'enrolledNoDemo', 'This desk is connected to an organisation: no demo data');
};

/** Before enrolling: a desk holding demo data is refused, with the way out (remove it) in the UI. */
export const refuseEnrollWithDemo = (db: Database): void => {
  if (holdsDemoData(db)) throw refuse('CONFLICT', 'demoData', 'This desk holds demo data: remove it before connecting');
};

/** Child rows first: each table's demo rows, by the demo record ids of its entity. */
const DELETES: readonly (readonly [entity: string, sql: string])[] = [
  ['followUp', 'DELETE FROM follow_ups WHERE id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
  ['session', 'DELETE FROM session_areas WHERE session_id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
  [
    'participant',
    'DELETE FROM workshop_participants WHERE id IN (SELECT record_id FROM demo_records WHERE entity = ?)',
  ],
  ['session', 'DELETE FROM sessions WHERE id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
  ['workshop', 'DELETE FROM workshops WHERE id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
  [
    'citizen',
    'DELETE FROM citizen_name_tokens WHERE citizen_id IN (SELECT record_id FROM demo_records WHERE entity = ?)',
  ],
  ['citizen', 'DELETE FROM citizens WHERE id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
  ['operator', 'DELETE FROM drafts WHERE operator_id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
  ['operator', 'DELETE FROM operators WHERE id IN (SELECT record_id FROM demo_records WHERE entity = ?)'],
];

export interface DemoRemoval {
  citizens: number;
  sessions: number;
  workshops: number;
  operators: number;
}

const countOf = (db: Database, entity: string) =>
  db.prepare('SELECT count(*) FROM demo_records WHERE entity = ?').pluck().get(entity) as number;

/**
 * Deletes the demo records — rows, their unsent outbox changes and audit entries — and nothing
 * else, then writes the site as not demo. The site's unsent changes that said `demo` are dropped
 * (never sent: a demo desk cannot enroll), so the hub is never told this desk held demo data.
 * A real record that uses a demo one (a real session of a demo citizen) stops it: nothing changes.
 */
export const removeDemoData = (context: JournalContext, actorId: string): DemoRemoval => {
  const db = context.db();
  const removed: DemoRemoval = {
    citizens: countOf(db, 'citizen'),
    sessions: countOf(db, 'session'),
    workshops: countOf(db, 'workshop'),
    operators: countOf(db, 'operator'),
  };
  db.transaction(() => {
    try {
      for (const [entity, sql] of DELETES) db.prepare(sql).run(entity);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        throw refuse('CONFLICT', 'demoInUse', 'A real record uses demo data');
      throw error;
    }
    for (const table of ['outbox', 'audit_log'])
      db.prepare(
        `DELETE FROM ${table} WHERE (entity, record_id) IN (SELECT entity, record_id FROM demo_records)` +
          (table === 'outbox' ? " AND state <> 'acknowledged'" : ''),
      ).run();
    db.prepare('DELETE FROM demo_records').run();
    const site = findSite(db);
    if (!site?.demo) return;
    const siteChanges = db
      .prepare("SELECT change_id, payload FROM outbox WHERE entity = 'site' AND state <> 'acknowledged'")
      .all() as { change_id: string; payload: string }[];
    for (const change of siteChanges) {
      const payload = readPayload(context.cipher(), change.change_id, change.payload) as { demo?: unknown };
      if (payload.demo === true) db.prepare('DELETE FROM outbox WHERE change_id = ?').run(change.change_id);
    }
    writeVersion(context, SITE, {
      id: site.id,
      version: site.version + 1,
      mode: 'update',
      payload: { ...site, demo: false, version: site.version + 1 },
      audit: { action: 'edit', operatorId: actorId, changes: { demo: [true, false] } },
    });
  })();
  return removed;
};
