import { randomBytes } from 'node:crypto';
import type { ConsoleAccountView } from '../../shared/console/protocol.ts';
import { sha256Hex } from '../auth.ts';
import type { Queryable } from '../db/database.ts';
import { accountView } from './accounts.ts';

export const SESSION_COOKIE = 'pp_console';
/** However active, a session ends after a working day: a stolen cookie does not live for ever. */
const MAX_SESSION_HOURS = 12;

const newSecret = () => randomBytes(32).toString('base64url');

export type SessionLookup =
  { state: 'active'; account: ConsoleAccountView; csrfToken: string } | { state: 'expired' } | { state: 'none' };

/** Console sessions: the cookie holds 256 random bits, the hub only their SHA-256. */
export const createSessions = (db: Queryable, idleMinutes: number) => ({
  idleMinutes,

  async open(accountId: string) {
    const token = newSecret();
    const csrfToken = newSecret();
    await db.query('INSERT INTO console_sessions (token_hash, account_id, csrf_token) VALUES ($1, $2, $3)', [
      sha256Hex(token),
      accountId,
      csrfToken,
    ]);
    return { token, csrfToken };
  },

  /** The session's account, touched (the idle clock starts again), or why there is none. */
  async find(token: string | null): Promise<SessionLookup> {
    if (!token) return { state: 'none' };
    const [row] = await db.query<Record<string, unknown>>(
      `UPDATE console_sessions s SET last_seen_at = now()
         FROM console_accounts a
        WHERE s.token_hash = $1 AND a.id = s.account_id AND a.disabled_at IS NULL
          AND s.last_seen_at > now() - make_interval(mins => $2)
          AND s.created_at > now() - make_interval(hours => $3)
       RETURNING s.csrf_token, a.id, a.email, a.display_name, a.role, a.organisation_id, a.site_id,
                 a.totp_secret IS NOT NULL AS totp_enabled`,
      [sha256Hex(token), idleMinutes, MAX_SESSION_HOURS],
    );
    if (row) {
      return {
        state: 'active',
        csrfToken: String(row['csrf_token']),
        account: accountView(row as unknown as Parameters<typeof accountView>[0]),
      };
    }
    const gone = await db.query('DELETE FROM console_sessions WHERE token_hash = $1 RETURNING 1', [sha256Hex(token)]);
    return gone.length > 0 ? { state: 'expired' } : { state: 'none' };
  },

  async close(token: string | null) {
    if (token) await db.query('DELETE FROM console_sessions WHERE token_hash = $1', [sha256Hex(token)]);
  },
});

export type ConsoleSessions = ReturnType<typeof createSessions>;

/** The session cookie: never readable by scripts, never sent from another site, only over TLS when behind it. */
export const sessionCookie = (token: string, secure: boolean, maxAgeSeconds?: number): string =>
  [
    `${SESSION_COOKIE}=${token}`,
    'Path=/console',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds === undefined ? [] : [`Max-Age=${maxAgeSeconds}`]),
  ].join('; ');

export const cookieValue = (header: string | undefined, name: string): string | null => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
};
