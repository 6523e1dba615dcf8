import type { ResolveInput, SyncErrorCode, SyncProblem, SyncStatus } from '../../../shared/domain/sync/status.ts';
import type { CoreContext } from '../core-context.ts';
import { log } from '../log.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import { backoffDelay } from './backoff.ts';
import { reportExports } from './export-reports.ts';
import { createHubClient, HubCallError, type HubClient } from './hub-client.ts';
import { refreshTheirs } from './conflict-store.ts';
import { conflictRecord, listProblems, resolveConflict, retryRejected } from './problems.ts';
import { pullAll } from './pull.ts';
import { pushAll } from './push.ts';
import { createSyncState } from './sync-state.ts';
import type { SyncTables } from './synced-tables.ts';
import { checkHubUrl } from './url-policy.ts';

/** How long resolving waits for the hub's latest version of the record before using the one shown. */
const RESOLVE_LOOKUP_MS = 5_000;

/** How often a long push tells the status bar how far it got. */
const PROGRESS_EVERY_MS = 250;

export interface SyncEngineOptions {
  /** Wait after the last local change before syncing (several quick edits go in one push). */
  debounceMs?: number;
  /** Sync this often when all is well (also brings new operators and guide packs down). */
  periodicMs?: number;
  /** How often the outbox is looked at for new changes (a cheap read of its last seq). */
  watchMs?: number;
  requestTimeoutMs?: number;
  maxBatch?: number;
  random?: () => number;
  now?: () => Date;
  /** Start timers (off in tests that drive `syncNow` themselves). */
  autoStart?: boolean;
}

type Phase = SyncStatus['phase'];

/**
 * The desk's sync engine (docs/architecture.md §4): pushes the outbox and pulls the hub's feed — on a
 * change (debounced), periodically, and on "Sync now" — one run at a time. Transient failures
 * (offline, 5xx, 429) are retried with full-jitter backoff for as long as it takes; a refusal
 * (401/403, validation) stops automatic retries and is shown with its reason until a person acts.
 */
export class SyncEngine {
  readonly #context: CoreContext;
  readonly #tables: SyncTables;
  readonly #state;
  readonly #options: Required<Omit<SyncEngineOptions, 'random' | 'now' | 'autoStart'>>;
  readonly #random: () => number;
  readonly #now: () => Date;
  #phase: Phase = 'idle';
  #online = true;
  #osOnline = true;
  #failures = 0;
  #blocked = false;
  #progress: SyncStatus['progress'] = null;
  #progressShownAt = 0;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #nextAt: number | null = null;
  #watch: NodeJS.Timeout | null = null;
  #debounce: NodeJS.Timeout | null = null;
  #lastMark = -1;
  #stopped = true;
  /** Set by close(): a run still awaiting the hub must not touch the database afterwards. */
  #closed = false;
  readonly #packListeners = new Set<() => Promise<unknown> | void>();

  /** `tables`: the domains' synced tables and feed appliers (built by app-core; nothing process-wide). */
  constructor(context: CoreContext, tables: SyncTables, options: SyncEngineOptions = {}) {
    this.#context = context;
    this.#tables = tables;
    this.#state = createSyncState(() => context.database.db, context.cipher);
    this.#options = {
      debounceMs: options.debounceMs ?? 1_500,
      periodicMs: options.periodicMs ?? 60_000,
      watchMs: options.watchMs ?? 2_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      maxBatch: options.maxBatch ?? 1_000,
    };
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? (() => new Date());
    if (options.autoStart ?? true) this.start();
  }

  /**
   * Called after a pull installed guide packs (e.g. the pack store reloads), before the sync run
   * ends. A listener's failure does not fail the sync: the packs are on disk for the next load.
   */
  onGuidePacksInstalled(listener: () => Promise<unknown> | void): () => void {
    this.#packListeners.add(listener);
    return () => this.#packListeners.delete(listener);
  }

  start(): void {
    this.#stopped = false;
    this.#closed = false;
    if (this.#watch) return;
    this.#watch = setInterval(() => this.#checkOutbox(), this.#options.watchMs);
    this.#watch.unref();
    this.#schedule(1_000);
  }

  stop(): void {
    this.#stopped = true;
    this.#closed = true;
    for (const timer of [this.#watch, this.#timer, this.#debounce]) if (timer) clearTimeout(timer);
    this.#watch = this.#timer = this.#debounce = null;
  }

  /** Waits for the run in progress, if any (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  status(): SyncStatus {
    const available = this.#context.database.state.status === 'ok';
    const state = available ? this.#state.read() : null;
    const enrolled = Boolean(state?.hub_url && state.device_token);
    const counts = available ? this.#state.counts() : { unsent: 0, rejected: 0, conflicts: 0 };
    return {
      enrolled,
      hubUrl: state?.hub_url ?? null,
      organisationName: state?.organisation_name ?? null,
      siteName: state?.site_name ?? null,
      online: this.#online && this.#osOnline,
      phase: enrolled ? this.#phase : 'notEnrolled',
      ...counts,
      exportConflicts: available ? (this.#tables.exports?.conflicts() ?? 0) : 0,
      lastSuccessAt: state?.last_success_at ?? null,
      lastError:
        state?.last_error_code && state.last_error_at
          ? { code: state.last_error_code, message: state.last_error_message ?? '', at: state.last_error_at }
          : null,
      progress: this.#progress,
      nextAttemptAt: this.#nextAt === null ? null : new Date(this.#nextAt).toISOString(),
    };
  }

  async enroll(hubUrl: string, code: string): Promise<SyncStatus> {
    const baseUrl = checkHubUrl(hubUrl);
    // Before the code is used up: a desk the domains say may not join (demo data) is told so first.
    this.#tables.beforeEnroll();
    const client = createHubClient({ baseUrl, timeoutMs: this.#options.requestTimeoutMs });
    try {
      const answer = await client.enroll({
        code,
        deviceId: this.#state.deviceId(),
        deskName: this.#context.settings.get().deskName,
      });
      this.#state.saveEnrollment(
        {
          hubUrl: baseUrl,
          token: answer.deviceToken,
          organisationId: answer.organisation.id,
          organisationName: answer.organisation.name,
          siteId: answer.site.id,
          siteName: answer.site.name,
        },
        this.#now(),
      );
    } catch (error) {
      if (error instanceof HubCallError) {
        throw new AppFailure(error.code === 'OFFLINE' ? 'UNAVAILABLE' : 'VALIDATION', error.message, {
          syncCode: error.code,
        });
      }
      throw error;
    }
    log.info('sync.enrolled', {});
    this.#blocked = false;
    this.#failures = 0;
    this.#emit();
    this.#schedule(0);
    return this.status();
  }

  /** "Sync now": also the way out of a refusal (the person fixed the cause, or wants to see it again). */
  async syncNow(): Promise<SyncStatus> {
    this.#blocked = false;
    this.#failures = 0;
    await this.#run();
    return this.status();
  }

  reportOnline(online: boolean): SyncStatus {
    const cameBack = online && !this.#osOnline;
    this.#osOnline = online;
    if (cameBack) {
      this.#failures = 0;
      this.#schedule(0);
    }
    this.#emit();
    return this.status();
  }

  /** Every change the hub rejected or found in conflict, one per record, until a person acts. */
  problems(): SyncProblem[] {
    return listProblems(this.#context.database.db, this.#context.cipher(), this.#tables.tables);
  }

  /** A rejected change sent again as a new change. */
  retry(changeId: string): void {
    retryRejected(this.#context.database.db, this.#context.cipher(), changeId, this.#now());
    this.notifyChange();
  }

  /**
   * Settles a conflict; the kept version is written and audited as `resolvedBy`'s (the signed-in
   * operator). It is made on the hub's latest version of the record, asked for first; offline, on
   * the version the card showed (should the hub have moved on, the push says so on a new card).
   */
  async resolve(input: ResolveInput, resolvedBy: string): Promise<void> {
    const db = this.#context.database.db;
    const cipher = this.#context.cipher();
    const latest = await this.#hubVersionOf(conflictRecord(db, input.changeId));
    if (latest) refreshTheirs(db, cipher, input.changeId, latest);
    resolveConflict(db, cipher, this.#tables.tables, input, resolvedBy, this.#now());
    this.notifyChange();
  }

  #clientFor(enrollment: { hubUrl: string; token: string }, timeoutMs = this.#options.requestTimeoutMs): HubClient {
    return createHubClient({ baseUrl: enrollment.hubUrl, token: enrollment.token, timeoutMs });
  }

  async #hubVersionOf(record: { entity: string; recordId: string }) {
    const enrollment = this.#state.enrollment();
    if (!enrollment) return null;
    // A person is waiting on the card: a hub that does not answer soon counts as offline.
    const client = this.#clientFor(enrollment, Math.min(RESOLVE_LOOKUP_MS, this.#options.requestTimeoutMs));
    try {
      return (await client.currentRecord({ deviceId: this.#state.deviceId(), ...record })).record;
    } catch (error) {
      if (error instanceof HubCallError) return null;
      throw error;
    }
  }

  /** Called after a local write the hub must get (the outbox watcher also notices by itself). */
  notifyChange(): void {
    this.#emit();
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      // A change does not jump the backoff: the hub is failing, hammering it would not help.
      if (!this.#blocked && this.#failures === 0) void this.#run();
    }, this.#options.debounceMs);
    this.#debounce.unref();
  }

  #checkOutbox(): void {
    if (this.#context.database.state.status !== 'ok') return;
    const mark = this.#state.outboxMark();
    if (this.#lastMark !== -1 && mark !== this.#lastMark) this.notifyChange();
    this.#lastMark = mark;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#nextAt = Date.now() + delayMs;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#nextAt = null;
      void this.#run();
    }, delayMs);
    this.#timer.unref();
  }

  /** One run at a time; a request during a run makes one more run right after it. */
  #run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#cycle().catch((error: unknown) => {
            // Only reachable when the core closed under a run (its database is gone): nothing to record.
            log.warn('sync.run.aborted', { error: error instanceof Error ? error.name : 'unknown' });
          });
        } while (this.#again && !this.#blocked && !this.#closed);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #cycle(): Promise<void> {
    if (this.#context.database.state.status !== 'ok') return;
    const enrollment = this.#state.enrollment();
    if (!enrollment) return;
    const client: HubClient = this.#clientFor(enrollment);
    const db = this.#context.database.db;
    const cipher = this.#context.cipher();
    const deviceId = this.#state.deviceId();
    this.#phase = 'syncing';
    this.#emit();
    try {
      await client.health();
      this.#online = true;
      await pushAll({
        db,
        cipher,
        client,
        deviceId,
        now: this.#now,
        tables: this.#tables.tables,
        maxBatch: this.#options.maxBatch,
        onProgress: (progress) => {
          // The first batch, the last, and in between a few times a second: each status counts the
          // outbox, which on a large backlog would cost more than the batch itself.
          const first = this.#progress === null;
          this.#progress = progress;
          const now = Date.now();
          if (!first && progress.sent < progress.total && now - this.#progressShownAt < PROGRESS_EVERY_MS) return;
          this.#progressShownAt = now;
          this.#emit();
        },
      });
      // After the push (the hub holds the services first), before the pull (a conflict is known before
      // the hub's exports come down).
      const exports = await reportExports(client, deviceId, this.#tables.exports);
      if (exports.conflicts > 0) log.warn('sync.export.conflict', { conflicts: exports.conflicts });
      const pulled = await pullAll({
        db,
        cipher,
        client,
        deviceId,
        dataDir: this.#context.dataDir,
        now: this.#now,
        feed: this.#tables.feed,
        backlog: this.#state.counts().unsent,
        appVersion: this.#context.version,
      });
      if (pulled.packsInstalled > 0) await this.#packsInstalled();
      this.#failures = 0;
      this.#phase = 'idle';
      this.#progress = null;
      if (pulled.invalid.length > 0) {
        this.#state.recordError('PACK_INVALID', pulled.invalid.join('; '), this.#now());
      } else {
        this.#state.recordSuccess(this.#now());
      }
      this.#schedule(this.#options.periodicMs);
    } catch (error) {
      if (!this.#closed) this.#fail(error);
    } finally {
      if (!this.#closed) this.#emit();
    }
  }

  async #packsInstalled(): Promise<void> {
    await Promise.allSettled([...this.#packListeners].map(async (listener) => listener()));
  }

  #fail(error: unknown): void {
    const failure =
      error instanceof HubCallError
        ? error
        : new HubCallError('SERVER', error instanceof Error ? error.message : 'Unexpected failure', true);
    this.#progress = null;
    this.#state.recordError(failure.code as SyncErrorCode, failure.message, this.#now());
    log.warn('sync.failed', { code: failure.code, status: failure.status, retry: failure.retry });
    if (!failure.retry) {
      this.#blocked = true;
      this.#phase = 'blocked';
      this.#nextAt = null;
      if (this.#timer) clearTimeout(this.#timer);
      return;
    }
    if (failure.code === 'OFFLINE') this.#online = false;
    this.#phase = failure.code === 'OFFLINE' ? 'offline' : 'retrying';
    this.#schedule(backoffDelay(this.#failures, this.#random));
    this.#failures += 1;
  }

  #emit(): void {
    if (this.#context.database.state.status !== 'ok') return;
    try {
      this.#context.events.emit('sync.status', this.status());
    } catch (error) {
      log.error('sync.status.failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
