import { canonicalJson } from '../../shared/sync-protocol/canonical.ts';
import { checkRecordPayload } from '../../shared/sync-protocol/record-payloads.ts';
import type { PushChange, PushRequest, PushResponse, PushResult } from '../../shared/sync-protocol/push.ts';
import { sha256Hex, type AuthenticatedDevice } from '../auth.ts';
import type { HubDatabase, Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { closeSettledConflicts, openConflictKeys } from './close-conflicts.ts';
import { decide, type Decision } from './decide.ts';
import { belongsToAnotherSite, OTHER_SITE } from './site-scope.ts';
import {
  keyOf,
  lockRecords,
  touchDevice,
  writeChanges,
  writeConflicts,
  writeRecords,
  type Decided,
  type Working,
} from './write-batch.ts';
import { replayResults } from './replay.ts';

/** A single record's payload above this is refused (the rest of the batch goes on): the hub is not a file store. */
export const MAX_RECORD_BYTES = 256 * 1024;

/**
 * A desk keeps two batches in flight, so the later one can reach the hub a moment before the earlier
 * one. Waiting briefly for it costs far less than deferring the batch and having it sent again.
 */
const EARLIER_BATCH_WAITS_MS = [10, 20, 40, 80];

/**
 * Applies one push in ONE transaction (docs/architecture.md §4): changes this desk already sent are answered
 * as before, new ones are applied in seq order, and the desk's high-water mark moves to the last one.
 * Either all of it is stored or none, so a crash at any point leaves the desk free to send it again.
 * A batch whose earlier changes have not arrived waits a little for them, then is deferred.
 */
export const applyPush = async (
  db: HubDatabase,
  device: AuthenticatedDevice,
  request: PushRequest,
): Promise<PushResponse> => {
  // Checked and hashed before the transaction: the device's row stays locked for the writes only,
  // and the desk's next batch can be checked meanwhile.
  const digests = digestPayloads(request.changes);
  for (const wait of EARLIER_BATCH_WAITS_MS) {
    const response = await applyOnce(db, device, request, digests, false);
    if (response) return response;
    await new Promise((done) => setTimeout(done, wait));
  }
  return (await applyOnce(db, device, request, digests, true)) as PushResponse;
};

/** One attempt; null when earlier changes are missing and `deferIfMissing` is false (nothing written). */
const applyOnce = (
  db: HubDatabase,
  device: AuthenticatedDevice,
  request: PushRequest,
  digests: Digests,
  deferIfMissing: boolean,
): Promise<PushResponse | null> =>
  db.transaction(async (tx) => {
    const [row] = await tx.query<{ high_water: string | number; revoked_at: unknown; demo: boolean }>(
      'SELECT high_water, revoked_at, demo FROM devices WHERE id = $1 FOR UPDATE',
      [device.id],
    );
    if (!row || row.revoked_at) throw new HubFailure('UNAUTHORIZED', 'This desk is not enrolled or was revoked');
    const highWater = Number(row.high_water);

    if (request.previousSeq > highWater) {
      if (!deferIfMissing) return null;
      // An earlier batch of this desk has not arrived (or was lost): apply nothing, say where we are.
      await touchDevice(tx, device.id, highWater, request.backlog, false);
      return {
        highWater,
        results: request.changes.map((change) => ({
          changeId: change.changeId,
          seq: change.seq,
          outcome: 'deferred' as const,
          detail: 'missingEarlierChanges',
        })),
      };
    }

    const replayed = await replayResults(tx, device.id, request.changes, highWater);
    const fresh = request.changes.filter((change) => !replayed.has(change.changeId));
    const demo = row.demo || fresh.some(reportsDemoData);
    if (demo && !row.demo) await tx.query('UPDATE devices SET demo = true WHERE id = $1', [device.id]);
    const decided = demo ? refuseAll(fresh, DEMO_DATA) : await decideFresh(tx, device, fresh, digests);
    if (demo) await writeChanges(tx, device, [...decided.values()]);

    const results: PushResult[] = request.changes.map((change) => {
      const earlier = replayed.get(change.changeId);
      if (earlier) return earlier;
      const entry = decided.get(change.changeId) as Decided;
      return toResult(entry);
    });
    const newHighWater = Math.max(highWater, fresh.at(-1)?.seq ?? 0);
    const answered = results.filter((result) => result.outcome !== 'deferred').length;
    await touchDevice(tx, device.id, newHighWater, Math.max(0, request.backlog - answered), true);
    return { highWater: newHighWater, results };
  });

/**
 * Demo data is fictional training material: a desk that holds it reports so in its site record, and
 * from then on nothing it sends is stored (the desk refuses to enroll with demo data; this is the
 * second guard). Its changes are answered as rejected, with the reason, so the desk shows them.
 */
const reportsDemoData = (change: PushChange) => change.entity === 'site' && change.payload['demo'] === true;

const DEMO_DATA: Decision = {
  outcome: 'rejected',
  reason: { code: 'DEMO_DATA', message: 'This desk holds demo data: remove it before connecting to the organisation' },
};

const refuseAll = (changes: readonly PushChange[], decision: Decision): Map<string, Decided> =>
  new Map(changes.map((change) => [change.changeId, { change, decision }]));

/**
 * Each payload's SHA-256 over its canonical JSON, by change id, and why it is refused if it is:
 * over MAX_RECORD_BYTES (not hashed), or not a payload the desk could have written (its schema,
 * shared with the desk: shared/sync-protocol/record-payloads.ts).
 */
interface Digest {
  refusal: { code: string; message: string } | null;
  hash: string;
}
type Digests = Map<string, Digest>;

const TOO_LARGE = { code: 'TOO_LARGE', message: `A record may hold at most ${MAX_RECORD_BYTES} bytes` };

const digestPayloads = (changes: readonly PushChange[]): Digests => {
  const digests: Digests = new Map();
  for (const change of changes) {
    const text = canonicalJson(change.payload);
    if (text.length > MAX_RECORD_BYTES) {
      digests.set(change.changeId, { refusal: TOO_LARGE, hash: '' });
      continue;
    }
    digests.set(change.changeId, { refusal: checkRecordPayload(change), hash: sha256Hex(text) });
  }
  return digests;
};

const toResult = ({ change, decision, theirs }: Decided): PushResult => {
  const base = { changeId: change.changeId, seq: change.seq };
  if (decision.outcome === 'conflict')
    return { ...base, outcome: 'conflict', detail: decision.detail, ...(theirs ? { theirs } : {}) };
  if (decision.outcome === 'rejected') return { ...base, outcome: 'rejected', reason: decision.reason };
  return { ...base, outcome: 'acknowledged', detail: decision.detail };
};

const decideFresh = async (
  tx: Queryable,
  device: AuthenticatedDevice,
  fresh: readonly PushChange[],
  digests: Digests,
): Promise<Map<string, Decided>> => {
  const decided = new Map<string, Decided>();
  if (fresh.length === 0) return decided;
  const working = await lockRecords(tx, device.organisationId, fresh);
  // The records this desk has an unsettled conflict on: read under the records' locks, then kept
  // up to date through the batch (a change may conflict, and a later one build on it).
  const conflicted = await openConflictKeys(tx, device, fresh);
  const conflicts: { change: PushChange; theirs: Working }[] = [];

  for (const change of fresh) {
    // Every change of the request was digested before the transaction.
    const { refusal, hash } = digests.get(change.changeId) as Digest;
    if (refusal) {
      decided.set(change.changeId, { change, decision: { outcome: 'rejected', reason: refusal } });
      continue;
    }
    const key = keyOf(change.entity, change.recordId);
    const current = working.get(key);
    const decision = belongsToAnotherSite(change.entity, current?.siteId ?? null, device.siteId)
      ? OTHER_SITE
      : decide(current, change, hash, conflicted.has(key));
    const entry: Decided = { change, decision };
    if (decision.outcome === 'conflict') conflicted.add(key);
    else if (change.resolves && decision.outcome === 'acknowledged') conflicted.delete(key);
    if (decision.outcome === 'conflict' && current) {
      entry.theirs = { version: current.version, op: current.deleted ? 'delete' : 'upsert', payload: current.payload };
      conflicts.push({ change, theirs: current });
    }
    if (decision.outcome === 'acknowledged' && decision.detail === 'applied') {
      working.set(key, {
        version: change.version,
        deleted: change.op === 'delete',
        payload: change.payload,
        hash,
        existed: current?.existed ?? false,
        siteId: current?.siteId ?? device.siteId,
        dirty: true,
        changeId: change.changeId,
      });
    }
    decided.set(change.changeId, entry);
  }

  await writeRecords(tx, device, working);
  await writeChanges(tx, device, [...decided.values()]);
  await writeConflicts(tx, device, conflicts);
  await closeSettledConflicts(tx, device, decided.values());
  return decided;
};
