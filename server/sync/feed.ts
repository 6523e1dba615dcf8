import type { FeedItem, FeedKind, PullResponse } from '../../shared/sync-protocol/pull.ts';
import type { AuthenticatedDevice } from '../auth.ts';
import type { HubDatabase, Queryable } from '../db/database.ts';

/** Stop adding items to a page past this many bytes (guide packs carry their files). */
const PAGE_BYTES = 4 * 1024 * 1024;

export interface FeedWrite {
  organisationId: string;
  siteId: string | null;
  kind: FeedKind;
  key: string;
  deleted?: boolean;
  payload: object;
}

/**
 * Writes the latest state of one hub → desk item (an operator, a site's settings, a guide pack).
 * Every write takes the next cursor under a table lock, so cursors are committed in the order they
 * are handed out: a desk that has read up to cursor N can never later miss an item numbered below N
 * (the bug of plain sequences, whose numbers commit out of order).
 */
export const writeFeedItem = async (
  db: HubDatabase,
  item: FeedWrite,
  /** Runs under the feed's lock, before the write: a rule checked here cannot be raced by another write. */
  check?: (tx: Queryable) => Promise<void>,
): Promise<number> =>
  db.transaction(async (tx) => {
    await tx.query('LOCK TABLE feed IN SHARE ROW EXCLUSIVE MODE');
    await check?.(tx);
    const [cursor] = await appendFeedItems(tx, [item]);
    return cursor ?? 0;
  });

/**
 * Writes items inside the caller's transaction (e.g. the one that records a hub export, so desks
 * learn of it exactly when it exists), under the same table lock as writeFeedItem.
 */
export const appendFeedItems = async (tx: Queryable, items: readonly FeedWrite[]): Promise<number[]> => {
  await tx.query('LOCK TABLE feed IN SHARE ROW EXCLUSIVE MODE');
  const [row] = await tx.query<{ next: string | number }>('SELECT coalesce(max(cursor), 0) + 1 AS next FROM feed');
  let cursor = Number(row?.next ?? 1);
  const cursors: number[] = [];
  for (const item of items) {
    await tx.query('DELETE FROM feed WHERE organisation_id = $1 AND kind = $2 AND key = $3', [
      item.organisationId,
      item.kind,
      item.key,
    ]);
    await tx.query(
      `INSERT INTO feed (cursor, organisation_id, site_id, kind, key, deleted, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        cursor,
        item.organisationId,
        item.siteId,
        item.kind,
        item.key,
        item.deleted ?? false,
        JSON.stringify(item.payload),
      ],
    );
    cursors.push(cursor);
    cursor += 1;
  }
  return cursors;
};

/** One page of the feed for a desk: its organisation's items, for every site or for its own. */
export const readFeed = async (
  db: Queryable,
  device: AuthenticatedDevice,
  after: number,
  limit: number,
): Promise<PullResponse> => {
  const rows = await db.query<{
    cursor: string | number;
    kind: FeedKind;
    key: string;
    deleted: boolean;
    payload: Record<string, unknown>;
  }>(
    `SELECT cursor, kind, key, deleted, payload FROM feed
      WHERE organisation_id = $1 AND (site_id IS NULL OR site_id = $2) AND cursor > $3
      ORDER BY cursor LIMIT $4`,
    [device.organisationId, device.siteId, after, limit + 1],
  );
  const items: FeedItem[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    const size = JSON.stringify(row.payload).length;
    if (items.length > 0 && bytes + size > PAGE_BYTES) break;
    bytes += size;
    items.push({
      cursor: Number(row.cursor),
      kind: row.kind,
      key: row.key,
      deleted: row.deleted,
      payload: row.payload,
    });
  }
  return {
    items,
    nextCursor: items.at(-1)?.cursor ?? after,
    hasMore: rows.length > items.length,
  };
};
