import type { FeedItem } from '../../../shared/sync-protocol/pull.ts';
import { prepared } from '../db/statements.ts';
import type { FeedApplier, SyncedTable } from '../sync/synced-tables.ts';
import { refuseEnrollWithDemo } from './demo/demo-records.ts';
import { applyHubOperator, applyHubSiteSettings } from './hub-feed.ts';
import type { JournalContext } from './journal-context.ts';
import { describeRecord } from './record-subject.ts';
import { writeVersion } from './record-write.ts';
import { JOURNAL_RECORDS } from './records/journal-records.ts';
import type { RecordModule } from './records/record-kit.ts';

/** One record type as the sync engine sees it: "not yet synced" marks, and resolved conflicts written back. */
const syncedTable = (context: JournalContext, record: RecordModule): SyncedTable => ({
  entity: record.entity,
  acknowledged(recordId, version) {
    // Never moves backwards; safe to call again.
    prepared(
      context.db(),
      `UPDATE ${record.table} SET synced_version = ? WHERE id = ? AND (synced_version IS NULL OR synced_version < ?)`,
    ).run(version, recordId, version);
  },
  writeResolved(version, resolvedBy) {
    // A record this desk never had matches no row: a conflict always concerns one the desk edited.
    return writeVersion(context, record, {
      id: version.recordId,
      version: version.version,
      mode: 'update',
      op: version.op,
      payload: version.payload,
      audit: { action: 'resolve', operatorId: resolvedBy },
    });
  },
  describe: (recordId, payloads) => describeRecord(context, record.entity, recordId, payloads),
});

/**
 * What the journal gives the sync engine (app-core hands it to the engine's constructor): a
 * table per synced record type, its use of the hub feed (the operator roster, the site settings),
 * and its say on enrolling (not with demo data).
 */
export const journalSyncTables = (
  context: JournalContext,
): { tables: SyncedTable[]; feed: [FeedItem['kind'], FeedApplier][]; beforeEnroll: () => void } => ({
  tables: Object.values(JOURNAL_RECORDS).map((record) => syncedTable(context, record)),
  feed: [
    ['operator', (item) => applyHubOperator(context, item)],
    ['siteSettings', (item) => applyHubSiteSettings(context, item)],
  ],
  // Demo data is fictional people: it never reaches the organisation.
  beforeEnroll: () => refuseEnrollWithDemo(context.db()),
});
