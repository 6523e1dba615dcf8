import type { Database } from 'better-sqlite3';
import type { FeedItem } from '../../../shared/sync-protocol/pull.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';

/** Applies one item of the hub → desk feed to a domain's tables, inside the transaction that stores the page. */
export type FeedApplier = (db: Database, cipher: FieldCipher, item: FeedItem) => void;

const appliers = new Map<string, FeedApplier>();

/**
 * The seam between the pull and the domains that use what the hub sends (the journal: operator
 * roster, site settings). Every item is also kept in sync_hub_items; a kind nobody registered is
 * only kept there. Registering again replaces the applier.
 */
export const registerFeedApplier = (kind: FeedItem['kind'], applier: FeedApplier): void => {
  appliers.set(kind, applier);
};

export const feedApplier = (kind: string): FeedApplier | undefined => appliers.get(kind);
