import type { HubDatabase } from './database.ts';

interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The hub's schema, numbered like the desk's. Plain PostgreSQL (PGlite is PostgreSQL compiled to
 * WASM), so one list serves both. Every table that grows with use carries `organisation_id` first
 * in its key: the column to shard on (Citus) when one database server is no longer enough.
 */
export const HUB_MIGRATIONS: readonly HubMigration[] = [
  {
    version: 10,
    name: 'organisations-sites-desks',
    sql: `
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sites (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sites_by_org ON sites (organisation_id);
      CREATE TABLE devices (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        site_id uuid NOT NULL REFERENCES sites(id),
        name text NOT NULL DEFAULT '',
        token_hash text NOT NULL UNIQUE,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_seen_at timestamptz,
        last_sync_at timestamptz,
        backlog integer NOT NULL DEFAULT 0,
        high_water bigint NOT NULL DEFAULT 0
      );
      CREATE INDEX devices_by_org ON devices (organisation_id, site_id);
      CREATE TABLE enrollment_codes (
        code_hash text PRIMARY KEY,
        site_id uuid NOT NULL REFERENCES sites(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        device_id uuid
      );`,
  },
  {
    version: 20,
    name: 'records-changes-conflicts',
    sql: `
      CREATE TABLE records (
        organisation_id uuid NOT NULL,
        entity text NOT NULL,
        record_id text NOT NULL,
        version integer NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        payload jsonb NOT NULL,
        payload_hash text NOT NULL,
        site_id uuid NOT NULL,
        device_id uuid NOT NULL,
        change_id uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, entity, record_id)
      );
      CREATE INDEX records_by_site ON records (organisation_id, site_id, entity);
      CREATE TABLE changes (
        change_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        device_id uuid NOT NULL,
        seq bigint NOT NULL,
        entity text NOT NULL,
        record_id text NOT NULL,
        version integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('acknowledged', 'conflict', 'rejected')),
        detail text,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (device_id, seq)
      );
      CREATE TABLE conflicts (
        change_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        device_id uuid NOT NULL,
        entity text NOT NULL,
        record_id text NOT NULL,
        base_version integer,
        mine_version integer NOT NULL,
        mine_op text NOT NULL,
        mine_payload jsonb NOT NULL,
        theirs_version integer NOT NULL,
        theirs_op text NOT NULL,
        theirs_payload jsonb NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      );
      CREATE INDEX conflicts_open ON conflicts (organisation_id, resolved_at);`,
  },
  {
    version: 30,
    name: 'feed',
    sql: `
      CREATE TABLE feed (
        cursor bigint PRIMARY KEY,
        organisation_id uuid NOT NULL,
        site_id uuid,
        kind text NOT NULL,
        key text NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        payload jsonb NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX feed_latest ON feed (organisation_id, kind, key);
      CREATE INDEX feed_by_cursor ON feed (organisation_id, cursor);`,
  },
  {
    version: 40,
    name: 'facilita-export-registry',
    // The CSV text is kept (a few MB per export at most) so a file can be downloaded again byte for
    // byte; it lives apart from the export row so listing exports never reads it.
    sql: `
      CREATE TABLE facilita_exports (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        period_from date NOT NULL,
        period_to date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        include_exported boolean NOT NULL,
        files jsonb NOT NULL,
        row_count integer NOT NULL,
        rejected_count integer NOT NULL,
        skipped_count integer NOT NULL,
        uploaded_at timestamptz,
        CHECK (period_from <= period_to)
      );
      CREATE INDEX facilita_exports_by_org ON facilita_exports (organisation_id, created_at);
      CREATE TABLE facilita_export_rows (
        organisation_id uuid NOT NULL,
        export_id uuid NOT NULL REFERENCES facilita_exports(id),
        record_kind text NOT NULL CHECK (record_kind IN ('session', 'workshopParticipant')),
        record_id text NOT NULL,
        PRIMARY KEY (organisation_id, export_id, record_kind, record_id)
      );
      CREATE INDEX facilita_export_rows_by_record ON facilita_export_rows (organisation_id, record_kind, record_id);
      CREATE TABLE facilita_export_files (
        organisation_id uuid NOT NULL,
        export_id uuid NOT NULL REFERENCES facilita_exports(id),
        filename text NOT NULL,
        csv text NOT NULL,
        PRIMARY KEY (organisation_id, export_id, filename)
      );`,
  },
  {
    version: 50,
    name: 'one-role-enum-codes-desk-contact',
    // One role enum everywhere: the hub's roster used its own names (operator, referente) for the
    // desk's facilitator and coordinator. Codes get an id to list and revoke them by; desks report
    // their app version and last push apart from their last contact (a pull counts as contact); a
    // desk that reported demo data is marked, and nothing it sends is stored from then on.
    sql: `
      UPDATE feed SET payload = jsonb_set(payload, '{role}', to_jsonb(CASE payload->>'role'
          WHEN 'operator' THEN 'facilitator' WHEN 'referente' THEN 'coordinator' ELSE payload->>'role' END))
        WHERE kind = 'operator' AND payload->>'role' IN ('operator', 'referente');
      ALTER TABLE enrollment_codes ADD COLUMN id uuid;
      UPDATE enrollment_codes SET id = md5(code_hash)::uuid WHERE id IS NULL;
      ALTER TABLE enrollment_codes ALTER COLUMN id SET NOT NULL;
      CREATE UNIQUE INDEX enrollment_codes_by_id ON enrollment_codes (id);
      ALTER TABLE enrollment_codes ADD COLUMN revoked_at timestamptz;
      ALTER TABLE devices ADD COLUMN last_push_at timestamptz;
      ALTER TABLE devices ADD COLUMN app_version text;
      ALTER TABLE devices ADD COLUMN demo boolean NOT NULL DEFAULT false;`,
  },
  {
    version: 60,
    name: 'conflicts-closed-by-admin',
    // An admin closes a conflict the desks cannot settle (a desk gone for good, a record nobody
    // needs): who closed it and why are kept beside the time.
    sql: `
      ALTER TABLE conflicts ADD COLUMN closed_by text;
      ALTER TABLE conflicts ADD COLUMN close_reason text;`,
  },
  {
    version: 70,
    name: 'operator-secrets-erased',
    // Desks used to push their operators' PIN and password hashes (and their kind): they never
    // leave the desk now, and the hub refuses a payload carrying them. Those already stored are
    // erased here, in records and in both versions of a conflict. The records' payload hash no
    // longer matches: it is emptied, and the push recomputes it from the payload when it is empty
    // (sync/write-batch.ts), since PostgreSQL cannot make the desks' canonical JSON.
    sql: `
      UPDATE records SET payload = payload - 'secretHash' - 'secretKind', payload_hash = ''
        WHERE entity = 'operator' AND payload ?| array['secretHash', 'secretKind'];
      UPDATE conflicts SET mine_payload = mine_payload - 'secretHash' - 'secretKind'
        WHERE entity = 'operator' AND mine_payload ?| array['secretHash', 'secretKind'];
      UPDATE conflicts SET theirs_payload = theirs_payload - 'secretHash' - 'secretKind'
        WHERE entity = 'operator' AND theirs_payload ?| array['secretHash', 'secretKind'];`,
  },
  {
    version: 90,
    name: 'one-facilita-registry',
    // One registry for the organisation: exports made at a desk are recorded here too (origin
    // 'desk', the desk that made it, its operator's id, when the hub learnt of it, and the earlier
    // export it clashed with), and each file of a hub export keeps its archive PDF beside its CSV.
    sql: `
      ALTER TABLE facilita_exports ADD COLUMN origin text NOT NULL DEFAULT 'hub' CHECK (origin IN ('hub', 'desk'));
      ALTER TABLE facilita_exports ADD COLUMN device_id uuid REFERENCES devices(id);
      ALTER TABLE facilita_exports ADD COLUMN conflict jsonb;
      -- When the hub learnt of the export: the order the registry goes by (a desk's clock is data only).
      ALTER TABLE facilita_exports ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE facilita_export_files ADD COLUMN archive bytea;`,
  },
  {
    version: 100,
    name: 'open-conflicts-by-record',
    // A desk's resolution closes all its open conflicts on the record (sync/close-conflicts.ts).
    sql: `
      CREATE INDEX conflicts_open_by_record ON conflicts (device_id, entity, record_id) WHERE resolved_at IS NULL;`,
  },
  {
    version: 110,
    name: 'console-accounts-sessions-audit',
    // The console's people (server/console/README.md): one account per person, never a shared
    // token. A hub admin covers every organisation, a referente one, a site coordinator one site.
    // Only a session token's SHA-256 is kept; the audit log names the person behind every change.
    sql: `
      CREATE TABLE console_accounts (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('hubAdmin', 'referente', 'siteCoordinator')),
        organisation_id uuid REFERENCES organisations(id),
        site_id uuid REFERENCES sites(id),
        password_hash text NOT NULL,
        totp_secret text,
        totp_pending text,
        totp_last_step bigint,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'hubAdmin') = (organisation_id IS NULL)),
        CHECK ((role = 'siteCoordinator') = (site_id IS NOT NULL))
      );
      CREATE INDEX console_accounts_by_org ON console_accounts (organisation_id);
      CREATE TABLE console_sessions (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES console_accounts(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX console_sessions_by_account ON console_sessions (account_id);
      CREATE TABLE console_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        account_id uuid,
        account_name text NOT NULL,
        organisation_id uuid,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX console_audit_by_org ON console_audit (organisation_id, at);`,
  },
  {
    version: 120,
    name: 'servizio-civile-excel-files',
    // A Servizio Civile Digitale site (measure 1.7.1) reports in Excel: its files are bytes, kept in
    // `content`; a CSV keeps its text in `csv`. Exactly one of them per file.
    sql: `
      ALTER TABLE facilita_export_files ALTER COLUMN csv DROP NOT NULL;
      ALTER TABLE facilita_export_files ADD COLUMN content bytea;
      ALTER TABLE facilita_export_files ADD CONSTRAINT facilita_export_files_one_content
        CHECK ((csv IS NULL) <> (content IS NULL));`,
  },
];

/** Applies pending migrations in one transaction, serialised by an advisory lock so two hub processes starting together do not race. */
export const migrateHub = async (db: HubDatabase): Promise<{ from: number; to: number }> =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(8424242)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const [row] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const from = Number(row?.v ?? 0);
    const latest = HUB_MIGRATIONS.at(-1)?.version ?? 0;
    if (from > latest)
      throw new Error(`The hub database has schema ${from}, newer than this hub knows (${latest}): run the newer hub`);
    let to = from;
    for (const migration of HUB_MIGRATIONS.filter((candidate) => candidate.version > from)) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      to = migration.version;
    }
    return { from, to };
  });
