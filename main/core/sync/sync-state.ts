import type { Database } from 'better-sqlite3';
import type { SyncErrorCode } from '../../../shared/domain/sync/status.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { lastOutboxSeq } from '../outbox/outbox.ts';

const TOKEN_CONTEXT = 'sync_state.device_token';

export interface Enrollment {
  hubUrl: string;
  token: string;
  organisationId: string;
  organisationName: string;
  siteId: string;
  siteName: string;
}

interface StateRow {
  hub_url: string | null;
  device_token: string | null;
  organisation_name: string | null;
  site_name: string | null;
  pull_cursor: number;
  last_success_at: string | null;
  last_error_code: SyncErrorCode | null;
  last_error_message: string | null;
  last_error_at: string | null;
}

/** Whom this desk is enrolled with (no token read): null when it is not. For the domains' rules. */
export const enrolledWith = (db: Database): { organisationName: string; siteId: string; siteName: string } | null => {
  const row = db
    .prepare(
      `SELECT organisation_name, site_id, site_name FROM sync_state
        WHERE id = 1 AND hub_url IS NOT NULL AND device_token IS NOT NULL`,
    )
    .get() as { organisation_name: string | null; site_id: string | null; site_name: string | null } | undefined;
  if (!row) return null;
  return { organisationName: row.organisation_name ?? '', siteId: row.site_id ?? '', siteName: row.site_name ?? '' };
};

/** The desk's sync bookkeeping in its database (table sync_state, one row). */
export const createSyncState = (db: () => Database, cipher: () => FieldCipher) => {
  const row = () => db().prepare('SELECT * FROM sync_state WHERE id = 1').get() as StateRow;
  return {
    deviceId: (): string => db().prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get() as string,

    read: row,

    enrollment(): Enrollment | null {
      const state = db().prepare('SELECT * FROM sync_state WHERE id = 1').get() as StateRow & {
        organisation_id: string | null;
        site_id: string | null;
      };
      if (!state.hub_url || !state.device_token) return null;
      return {
        hubUrl: state.hub_url,
        token: cipher().decrypt(state.device_token, TOKEN_CONTEXT),
        organisationId: state.organisation_id ?? '',
        organisationName: state.organisation_name ?? '',
        siteId: state.site_id ?? '',
        siteName: state.site_name ?? '',
      };
    },

    /** A new enrollment; a different hub starts its feed from the beginning. */
    saveEnrollment(enrollment: Enrollment, now: Date): void {
      const previous = row().hub_url;
      db()
        .prepare(
          `UPDATE sync_state SET hub_url = ?, device_token = ?, organisation_id = ?, organisation_name = ?,
                  site_id = ?, site_name = ?, enrolled_at = ?, pull_cursor = CASE WHEN hub_url IS ? THEN pull_cursor ELSE 0 END,
                  last_error_code = NULL, last_error_message = NULL, last_error_at = NULL
            WHERE id = 1`,
        )
        .run(
          enrollment.hubUrl,
          cipher().encrypt(enrollment.token, TOKEN_CONTEXT),
          enrollment.organisationId,
          enrollment.organisationName,
          enrollment.siteId,
          enrollment.siteName,
          now.toISOString(),
          previous,
        );
    },

    recordSuccess(now: Date): void {
      db()
        .prepare(
          'UPDATE sync_state SET last_success_at = ?, last_error_code = NULL, last_error_message = NULL, last_error_at = NULL WHERE id = 1',
        )
        .run(now.toISOString());
    },

    recordError(code: SyncErrorCode, message: string, now: Date): void {
      db()
        .prepare('UPDATE sync_state SET last_error_code = ?, last_error_message = ?, last_error_at = ? WHERE id = 1')
        .run(code, message, now.toISOString());
    },

    counts(): { unsent: number; rejected: number; conflicts: number } {
      const rows = db()
        .prepare(
          "SELECT state, count(*) AS n FROM outbox WHERE state IN ('pending', 'rejected', 'conflict') GROUP BY state",
        )
        .all() as { state: string; n: number }[];
      const of = (state: string) => rows.find((entry) => entry.state === state)?.n ?? 0;
      return {
        unsent: rows.reduce((sum, entry) => sum + entry.n, 0),
        rejected: of('rejected'),
        conflicts: of('conflict'),
      };
    },

    /** The outbox's last seq: when it moves, something new was written (cheap to poll). */
    outboxMark: (): number => lastOutboxSeq(db()),
  };
};

export type SyncState = ReturnType<typeof createSyncState>;
