import type { Database } from 'better-sqlite3';
import type { PushResponse } from '../../../shared/sync-protocol/push.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { HubCallError, type HubClient } from './hub-client.ts';
import { applyPushResults, pendingCount, readBatch, requeueAfter, unsentCount, type Batch } from './push-batch.ts';
import type { SyncTables } from './synced-tables.ts';

/**
 * Batches on their way at once. While the hub stores one batch the next one is already read,
 * encrypted payloads opened and sent, so neither side waits for the other. Two is enough: the hub
 * applies a desk's batches one after the other anyway (each waits for the one before it).
 */
const PUSH_WINDOW = 2;

export interface PushOptions {
  db: Database;
  cipher: FieldCipher;
  client: HubClient;
  deviceId: string;
  now: () => Date;
  /** The domains told of acknowledged versions. */
  tables: SyncTables['tables'];
  onProgress: (progress: { sent: number; total: number }) => void;
  maxBatch?: number;
}

interface InFlight {
  batch: Batch;
  answer: Promise<PushResponse>;
}

const lastSeqOf = (flight: InFlight | undefined) => flight?.batch.changes.at(-1)?.seq ?? 0;

/**
 * Sends every pending change, batch after batch with up to PUSH_WINDOW batches in flight, reporting
 * sent / total as it goes. Answers are applied strictly in batch order, each in its own local
 * transaction; an answer that never comes only means those changes are sent again (the hub
 * answers a change it already has as before, without storing it twice).
 */
export const pushAll = async (options: PushOptions): Promise<{ sent: number }> => {
  const { db, cipher, client, deviceId } = options;
  let sent = 0;
  let pending = pendingCount(db);
  let total = pending;
  // Counted once, then kept up to date from the answers: counting 100k rows per batch costs more than the batch.
  let backlog = unsentCount(db);
  let deferredAt: number | null = null;
  // The furthest the hub said it had got, from the answers applied so far.
  let hubHighWater = 0;
  const inFlight: InFlight[] = [];

  const send = (): boolean => {
    const batch = readBatch(db, cipher, options.maxBatch, lastSeqOf(inFlight.at(-1)));
    if (!batch) return false;
    const queued = inFlight.reduce((count, flight) => count + flight.batch.changes.length, 0);
    const answer = client.push({
      deviceId,
      previousSeq: batch.previousSeq,
      changes: batch.changes,
      backlog: Math.max(0, backlog - queued),
    });
    // Awaited in order below; until then a failure must not count as unhandled.
    answer.catch(() => undefined);
    inFlight.push({ batch, answer });
    return true;
  };

  /** Applies an answer; returns how many changes it settled (acknowledged, conflict or rejected). */
  const apply = (response: PushResponse): number => {
    applyPushResults(db, cipher, response, options.now(), options.tables);
    hubHighWater = Math.max(hubHighWater, response.highWater);
    const answered = response.results.filter((result) => result.outcome !== 'deferred').length;
    sent += answered;
    pending -= answered;
    backlog -= response.results.filter((result) => result.outcome === 'acknowledged').length;
    return answered;
  };

  for (;;) {
    while (inFlight.length < PUSH_WINDOW && send());
    const head = inFlight.shift();
    if (!head) return { sent };
    const response = await head.answer;
    if (apply(response) > 0) {
      deferredAt = null;
      total = Math.max(total, sent + pending);
      options.onProgress({ sent, total });
      continue;
    }
    // Nothing settled: the hub lacks changes before this batch, so every later batch in flight is
    // deferred too. Let them come back, then start again from the hub's high-water mark.
    for (const flight of inFlight.splice(0)) apply(await flight.answer);
    if (deferredAt === head.batch.previousSeq)
      throw new HubCallError('PROTOCOL', 'The hub keeps deferring our changes', true);
    deferredAt = head.batch.previousSeq;
    // Below what it acknowledged earlier in this round, the hub only answered before storing the
    // batch ahead (they crossed): send again. Below everything it said this round (this answer
    // included): it lost changes.
    if (hubHighWater < head.batch.previousSeq) requeueAfter(db, response.highWater);
    pending = pendingCount(db);
    backlog = unsentCount(db);
    total = sent + pending;
  }
};
