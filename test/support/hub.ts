import type { FastifyInstance } from 'fastify';
import { buildHub } from '../../server/app.ts';
import { createAdminService, type AdminService } from '../../server/admin/service.ts';
import { openHubDatabase, type HubDatabase } from '../../server/db/database.ts';
import { migrateHub } from '../../server/db/migrations.ts';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

export type HubBackend = 'pglite' | 'postgres';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestHub {
  backend: HubBackend;
  url: string;
  db: HubDatabase;
  app: FastifyInstance;
  admin: AdminService;
  organisationId: string;
  siteId: string;
  /** A fresh one-time enrollment code for the test site. */
  issueCode(): Promise<string>;
  /** Every live record the hub holds, as `entity/id → { version, payload }`. */
  records(): Promise<Map<string, { version: number; deleted: boolean; payload: Record<string, unknown> }>>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real hub in this process on 127.0.0.1: embedded PGlite in memory, or its own database on the
 * shared test PostgreSQL cluster. Seeded with one organisation and one site.
 */
export const startTestHub = async (
  backend: HubBackend,
  options: {
    deviceRateLimit?: number;
    port?: number;
    postgres?: TestPostgres;
    /** Receives the hub's log lines (by default the test hub logs nothing). */
    logSink?: (line: string) => void;
    trustProxy?: boolean;
    console?: { idleMinutes?: number; bundleDir?: string };
  } = {},
): Promise<TestHub & { postgres: TestPostgres | null }> => {
  const postgres = backend === 'postgres' ? (options.postgres ?? (await startTestPostgres())) : null;
  const db = await openHubDatabase({ databaseUrl: postgres?.url, dataDir: null });
  await migrateHub(db);
  const app = await buildHub({
    db,
    version: 'test',
    adminToken: ADMIN_TOKEN,
    deviceRateLimit: options.deviceRateLimit ?? 100_000,
    enrollRateLimit: 1_000,
    logLevel: options.logSink ? 'info' : 'silent',
    logSink: options.logSink,
    trustProxy: options.trustProxy ?? false,
    ...(options.console ? { console: options.console } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const admin = createAdminService(db);
  const organisation = await admin.createOrganisation('Comune di Prova');
  const site = await admin.createSite(organisation.id, 'Biblioteca civica');
  return {
    backend,
    url,
    db,
    app,
    admin,
    postgres,
    organisationId: organisation.id,
    siteId: site.id,
    issueCode: async () => (await admin.issueCode(site.id)).code,
    async records() {
      const rows = await db.query<{
        entity: string;
        record_id: string;
        version: number;
        deleted: boolean;
        payload: Record<string, unknown>;
      }>('SELECT entity, record_id, version, deleted, payload FROM records');
      return new Map(
        rows.map((row) => [
          `${row.entity}/${row.record_id}`,
          { version: Number(row.version), deleted: row.deleted, payload: row.payload },
        ]),
      );
    },
    async count(table) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return Number(row?.n ?? 0);
    },
    async close() {
      await app.close();
      await db.close();
      if (postgres && !options.postgres) await postgres.stop();
    },
  };
};

export const HUB_BACKENDS: readonly HubBackend[] = ['pglite', 'postgres'];

/** A record type without a payload schema at the hub: generic sync. */
export const GENERIC_ENTITY = 'note';

/**
 * A change as a desk would push it (for tests that talk to the hub without a desk). By default a
 * `note`: a record type the hub has no schema for, stored as sent (the protocol's own rules); a
 * journal type's payload must be one the desk could write (test/support/record-payloads.ts).
 */
export const makeChange = (
  seq: number,
  recordId: string,
  version: number,
  payload: Record<string, unknown>,
  extra: {
    entity?: string;
    op?: 'upsert' | 'delete';
    baseVersion?: number | null;
    changeId?: string;
    /** The conflict (its change id) this change settles. */
    resolves?: string;
  } = {},
) => ({
  changeId: extra.changeId ?? crypto.randomUUID(),
  seq,
  entity: extra.entity ?? GENERIC_ENTITY,
  recordId,
  op: extra.op ?? 'upsert',
  version,
  baseVersion: extra.baseVersion === undefined ? (version > 1 ? version - 1 : null) : extra.baseVersion,
  payload,
  createdAt: new Date().toISOString(),
  ...(extra.resolves ? { resolves: extra.resolves } : {}),
});

/** Enrolls a synthetic desk directly against the hub's API; returns its id and token. */
export const enrollDevice = async (hub: TestHub, deviceId: string = crypto.randomUUID(), siteId = hub.siteId) => {
  const code = (await hub.admin.issueCode(siteId)).code;
  const response = await fetch(`${hub.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId, deskName: 'Sportello' }),
  });
  const body = (await response.json()) as { deviceToken: string };
  return { deviceId, token: body.deviceToken };
};

export const hubPost = async (hub: { url: string }, path: string, token: string | null, body: unknown) => {
  const response = await fetch(`${hub.url}/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
