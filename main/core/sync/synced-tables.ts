import type { RecordSubject } from '../../../shared/domain/sync/status.ts';
import type { DeskExportAnswer, DeskExportReport } from '../../../shared/sync-protocol/exports.ts';
import type { FeedItem } from '../../../shared/sync-protocol/pull.ts';

/** A version of a record to write into this desk's own tables (a resolved conflict's kept version). */
export interface RemoteVersion {
  recordId: string;
  version: number;
  op: 'upsert' | 'delete';
  payload: Record<string, unknown>;
}

/**
 * A domain's table of one synced entity, as the sync engine needs it. Sync is generic — entity,
 * record id, version, payload — and calls back into the domain only here.
 */
export interface SyncedTable {
  readonly entity: string;
  /** Called (inside the push's transaction) when the hub acknowledged `version` of a record. */
  acknowledged(recordId: string, version: number): void;
  /**
   * Writes `version` as the desk's current copy (inside the resolve's transaction): the row, its
   * outbox change and its audit entry naming `resolvedBy`, through the domain's one write path.
   * Returns the outbox seq of that change.
   */
  writeResolved(version: RemoteVersion, resolvedBy: string): number;
  /**
   * Names the record as a person would (a conflict's card: the citizen's name, a session's day),
   * from its versions and this desk's own records, and the records its versions point to. Without
   * it the record is named by its kind only.
   */
  describe?(recordId: string, payloads: readonly Readonly<Record<string, unknown>>[]): RecordDescription;
}

export interface RecordDescription {
  subject: RecordSubject;
  /** Display names by record id, for the ids the versions hold. */
  names: Record<string, string>;
}

/** Applies one item of the hub → desk feed to a domain's tables, inside the transaction that stores the page. */
export type FeedApplier = (item: Pick<FeedItem, 'key' | 'deleted' | 'payload'>) => void;

/**
 * What the sync engine calls back into, built by app-core and handed to its constructor: nothing
 * is registered process-wide, so two cores in one process share nothing. An entity without a
 * table still syncs (its conflicts settle at the hub only); a feed kind without an applier is
 * only kept in sync_hub_items.
 */
export interface SyncTables {
  tables: ReadonlyMap<string, SyncedTable>;
  feed: ReadonlyMap<FeedItem['kind'], FeedApplier>;
  /** The desk's Facilita registry, reported to the hub after each push (absent: nothing to report). */
  exports?: ExportReports;
  /** Called before asking the hub to enroll: throws to refuse (the journal holds demo data). */
  beforeEnroll: () => void;
}

/** This desk's Facilita exports the hub has not answered for, and where its answers go. */
export interface ExportReports {
  /** Oldest first. */
  unreported(): Omit<DeskExportReport, 'deviceId'>[];
  reported(answer: DeskExportAnswer): void;
  /** How many of them the hub answered as a conflict and nobody marked uploaded (the status bar says so). */
  conflicts(): number;
}

export const syncTablesOf = (
  tables: readonly SyncedTable[],
  feed: readonly (readonly [FeedItem['kind'], FeedApplier])[] = [],
  options: { exports?: ExportReports; beforeEnroll?: () => void } = {},
): SyncTables => ({
  tables: new Map(tables.map((table) => [table.entity, table])),
  feed: new Map(feed),
  ...(options.exports ? { exports: options.exports } : {}),
  beforeEnroll: options.beforeEnroll ?? (() => undefined),
});
