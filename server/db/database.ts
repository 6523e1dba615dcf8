import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What the hub needs from a database: the very same SQL runs on embedded PGlite and on PostgreSQL. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface HubDatabase extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; retried (a few times) when PostgreSQL aborts it for a deadlock or a serialization failure. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Thrown inside a transaction to have it rolled back and run again (e.g. a concurrent insert won a race). */
export class RetryTransaction extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryTransaction';
  }
}

// 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation (a concurrent insert).
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_TRIES = 5;

const isRetryable = (error: unknown): boolean =>
  error instanceof RetryTransaction ||
  (typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code)));

const withRetries = async <T>(attempt: () => Promise<T>): Promise<T> => {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= MAX_TRIES || !isRetryable(error)) throw error;
      await new Promise((done) => setTimeout(done, Math.random() * 20 * tries));
    }
  }
};

export const openPglite = async (dataDir: string | null): Promise<HubDatabase> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return {
    kind: 'pglite',
    query: async <R>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows,
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (work) =>
      withRetries(() =>
        db.transaction((tx) =>
          work({
            query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
            exec: async (sql) => void (await tx.exec(sql)),
          }),
        ),
      ),
    close: () => db.close(),
  };
};

export const openPostgres = async (connectionString: string, poolSize = 10): Promise<HubDatabase> => {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // Fail at start-up, with the reason, rather than on the first desk's push.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async <R>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as R[],
    exec: async (sql) => void (await pool.query(sql)),
    transaction: (work) =>
      withRetries(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work({
            query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
            exec: async (sql) => void (await client.query(sql)),
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
    close: () => pool.end(),
  };
};

/** DATABASE_URL → PostgreSQL; otherwise embedded PGlite in `dataDir` (null: in memory, for tests). */
export const openHubDatabase = (options: { databaseUrl?: string | undefined; dataDir: string | null }) =>
  options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
