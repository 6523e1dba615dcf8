import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements.ts';
import { recordChange } from '../outbox/outbox.ts';
import { registerSyncedEntity } from '../sync/entities.ts';
import type { JournalContext } from './journal-context.ts';
import { registerJournalFeed } from './hub-feed.ts';
import { JOURNAL_APPLIERS } from './sync-apply.ts';

/** The kinds of journal record the hub receives (outbox `entity`). */
export type JournalEntity = 'operator' | 'site' | 'citizen' | 'session' | 'followUp' | 'workshop' | 'participant';

/**
 * One outbox row for a record's new version; must run inside the record's transaction
 * (recordChange refuses otherwise). Deletes are tombstones with their reason in the payload.
 */
export const writeChange = (
  context: JournalContext,
  entity: JournalEntity,
  recordId: string,
  version: number,
  payload: unknown,
  op: 'upsert' | 'delete' = 'upsert',
): void => {
  recordChange(
    context.db(),
    context.cipher(),
    { entity, recordId, op, version, baseVersion: version === 1 ? null : version - 1, payload },
    context.now(),
  );
};

/**
 * For the sync engine: once the hub acknowledged `version` of a record, "not yet synced" filters
 * stop showing it. Safe to call again; never moves backwards.
 */
export const markSynced = (context: JournalContext, entity: JournalEntity, recordId: string, version: number): void =>
  markSyncedIn(context.db(), entity, recordId, version);

const markSyncedIn = (db: Database, entity: JournalEntity, recordId: string, version: number): void => {
  prepared(
    db,
    `UPDATE ${SYNC_TABLES[entity]} SET synced_version = ? WHERE id = ? AND (synced_version IS NULL OR synced_version < ?)`,
  ).run(version, recordId, version);
};

/**
 * Tells the sync engine how to mark the journal's records synced when the hub acknowledges them,
 * how to write a resolved conflict's kept version into the journal's tables, and how to apply the
 * hub's operator roster and site settings when they are pulled.
 */
export const registerJournalEntities = (): void => {
  for (const entity of Object.keys(SYNC_TABLES) as JournalEntity[]) {
    registerSyncedEntity(entity, {
      applyResolved: (db, version, cipher) => JOURNAL_APPLIERS[entity](db, cipher, version),
      acknowledged: (db, recordId, version) => markSyncedIn(db, entity, recordId, version),
    });
  }
  registerJournalFeed();
};

export const SYNC_TABLES: Record<JournalEntity, string> = {
  operator: 'operators',
  site: 'site',
  citizen: 'citizens',
  session: 'sessions',
  followUp: 'follow_ups',
  workshop: 'workshops',
  participant: 'workshop_participants',
};
