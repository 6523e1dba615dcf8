import type { Database } from 'better-sqlite3';
import type { FeedItem } from '../../../shared/sync-protocol/pull.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { installGuidePack } from './guide-install.ts';
import { HubCallError, type HubClient } from './hub-client.ts';
import type { SyncTables } from './synced-tables.ts';

export interface PullOptions {
  db: Database;
  cipher: FieldCipher;
  client: HubClient;
  deviceId: string;
  dataDir: string;
  now: () => Date;
  backlog: number;
  appVersion: string;
  /** What the domains make of the items (operator roster, site settings…). */
  feed: SyncTables['feed'];
}

const itemContext = (kind: string, key: string) => `sync_hub_items:${kind}:${key}`;

/**
 * Guide packs are installed as files (then kept here without their files); a hub export's services
 * go into the Facilita registry (kept here without them); other items are kept as sent.
 */
const storedPayload = (options: PullOptions, item: FeedItem): { payload: unknown; invalid: string | null } => {
  if (item.kind === 'facilitaExport') {
    const { services: _services, ...summary } = item.payload as { services?: unknown };
    return { payload: summary, invalid: null };
  }
  if (item.kind !== 'guidePack' || item.deleted) return { payload: item.payload, invalid: null };
  const installed = installGuidePack(options.dataDir, item.payload);
  const { files: _files, ...summary } = item.payload as { files?: unknown };
  return { payload: { ...summary, installed: installed.ok }, invalid: installed.ok ? null : installed.reason };
};

/**
 * Reads the hub → desk feed after the stored cursor, page by page. Each page's items, what the
 * domains make of them (feed appliers: operator roster, site settings) and the new cursor are
 * written in ONE transaction: a crash repeats at most one page, which is harmless because every
 * item is the latest state of its key. `packsInstalled` counts guide packs written to disk.
 */
export const pullAll = async (
  options: PullOptions,
): Promise<{ items: number; invalid: string[]; packsInstalled: number }> => {
  const { db, cipher } = options;
  const upsert = db.prepare(
    `INSERT INTO sync_hub_items (kind, key, deleted, payload, cursor, received_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET deleted = excluded.deleted, payload = excluded.payload,
       cursor = excluded.cursor, received_at = excluded.received_at`,
  );
  const setCursor = db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1');
  let count = 0;
  let packsInstalled = 0;
  const invalid: string[] = [];
  for (;;) {
    const after = db.prepare('SELECT pull_cursor FROM sync_state WHERE id = 1').pluck().get() as number;
    const page = await options.client.pull({
      deviceId: options.deviceId,
      after,
      limit: 200,
      backlog: options.backlog,
      appVersion: options.appVersion,
    });
    if (page.items.length > 0 && page.nextCursor <= after)
      throw new HubCallError('PROTOCOL', 'The hub feed went backwards', true);
    const prepared = page.items.map((item) => ({ item, ...storedPayload(options, item) }));
    const at = options.now().toISOString();
    db.transaction(() => {
      for (const { item, payload, invalid: reason } of prepared) {
        if (reason) invalid.push(`${item.key}: ${reason}`);
        upsert.run(
          item.kind,
          item.key,
          item.deleted ? 1 : 0,
          cipher.encryptJson(payload, itemContext(item.kind, item.key)),
          item.cursor,
          at,
        );
        options.feed.get(item.kind)?.(item);
      }
      setCursor.run(page.nextCursor);
    }).immediate();
    count += page.items.length;
    packsInstalled += prepared.filter(
      (entry) => entry.item.kind === 'guidePack' && !entry.item.deleted && entry.invalid === null,
    ).length;
    if (!page.hasMore) return { items: count, invalid, packsInstalled };
  }
};

/** What the hub sent of one kind (e.g. the operator roster, for the journal), decrypted. */
export const listHubItems = (
  db: Database,
  cipher: FieldCipher,
  kind: string,
): { key: string; deleted: boolean; payload: Record<string, unknown> }[] =>
  (
    db.prepare('SELECT key, deleted, payload FROM sync_hub_items WHERE kind = ? ORDER BY key').all(kind) as {
      key: string;
      deleted: number;
      payload: string;
    }[]
  ).map((row) => ({
    key: row.key,
    deleted: row.deleted === 1,
    payload: cipher.decryptJson<Record<string, unknown>>(row.payload, itemContext(kind, row.key)),
  }));
