import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../crypto/field-cipher.ts';

/** A version of a record to write into this desk's own tables, without a new outbox row. */
export interface RemoteVersion {
  recordId: string;
  version: number;
  op: 'upsert' | 'delete';
  payload: Record<string, unknown>;
}

export interface SyncedEntity {
  /**
   * Writes `version` as the desk's current copy of the record (called inside a transaction, when a
   * person resolves a conflict: keep theirs, or keep mine at a new version number). Must NOT call
   * recordChange: the sync engine records the change itself when one is needed. `cipher` is the
   * desk's field cipher, for the columns a domain keeps encrypted.
   */
  applyResolved?(db: Database, version: RemoteVersion, cipher: FieldCipher): void;
  /** Called (inside the push's transaction) when the hub acknowledged `version` of a record. */
  acknowledged?(db: Database, recordId: string, version: number): void;
}

const entities = new Map<string, SyncedEntity>();

/**
 * The seam between sync and the domains that own records (journal: citizens, sessions…). Sync is
 * generic — entity, record id, version, payload — and needs a domain only to write a resolved
 * conflict back into the domain's table. A domain registers itself once at start-up; an entity
 * nobody registered still syncs, and its conflicts are settled at the hub only.
 */
export const registerSyncedEntity = (entity: string, handler: SyncedEntity): void => {
  entities.set(entity, handler);
};

export const syncedEntity = (entity: string): SyncedEntity | undefined => entities.get(entity);
