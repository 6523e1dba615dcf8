import { randomUUID } from 'node:crypto';
import type { ConsoleRole } from '../../shared/console/access.ts';
import type { ConsoleAccountView } from '../../shared/console/protocol.ts';
import type { Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { ConsoleFailure } from './failure.ts';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { base32Decode, matchingStep, newTotpSecret, otpauthUri } from './totp.ts';

/** Five wrong tries in a row lock the account for a quarter of an hour (then five more tries). */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

const ACCOUNT_COLUMNS = `id, email, display_name, role, organisation_id, site_id, totp_secret IS NOT NULL AS totp_enabled`;

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  role: ConsoleRole;
  organisation_id: string | null;
  site_id: string | null;
  totp_enabled: boolean;
}

export const accountView = (row: AccountRow): ConsoleAccountView => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  organisationId: row.organisation_id,
  siteId: row.site_id,
  totpEnabled: row.totp_enabled,
});

export interface NewAccountInput {
  email: string;
  displayName: string;
  role: ConsoleRole;
  organisationId: string | null;
  siteId: string | null;
  password: string;
}

const wrongCredentials = (attemptsLeft?: number) =>
  new ConsoleFailure(
    'UNAUTHORIZED',
    'credentials',
    'Wrong e-mail or password',
    attemptsLeft === undefined ? {} : { attemptsLeft },
  );
const locked = (until: unknown) =>
  new ConsoleFailure('LOCKED', 'locked', 'Too many wrong attempts: the account is locked for a while', {
    lockedUntil: new Date(String(until)).toISOString(),
  });

/** The console's people: creating them, signing in (with lock-out and the second factor), TOTP set-up. */
export const createAccounts = (db: Queryable) => ({
  async create(input: NewAccountInput): Promise<ConsoleAccountView> {
    if (input.password.length < MIN_PASSWORD_LENGTH)
      throw new HubFailure('VALIDATION', 'The password is too short', [
        { path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
      ]);
    const [taken] = await db.query('SELECT 1 FROM console_accounts WHERE email = $1', [input.email]);
    if (taken)
      throw new HubFailure('CONFLICT', 'An account with this e-mail exists', [{ path: 'email', message: 'taken' }]);
    const [row] = await db.query<AccountRow>(
      `INSERT INTO console_accounts (id, email, display_name, role, organisation_id, site_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ACCOUNT_COLUMNS}`,
      [
        randomUUID(),
        input.email,
        input.displayName,
        input.role,
        input.organisationId,
        input.siteId,
        await hashPassword(input.password),
      ],
    );
    return accountView(row as AccountRow);
  },

  async list(organisationId: string): Promise<ConsoleAccountView[]> {
    const rows = await db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM console_accounts WHERE organisation_id = $1 ORDER BY display_name, email`,
      [organisationId],
    );
    return rows.map(accountView);
  },

  /**
   * The account, or a refusal: wrong e-mail and wrong password look the same (and take as long);
   * a wrong password or second-factor code counts towards the lock; a locked account is told
   * until when, without its password even being checked.
   */
  async signIn(email: string, password: string, code: string | undefined): Promise<ConsoleAccountView> {
    const [row] = await db.query<
      AccountRow & { password_hash: string; totp_secret: string | null; totp_last_step: string | null; locked: unknown }
    >(
      `SELECT ${ACCOUNT_COLUMNS}, password_hash, totp_secret, totp_last_step,
              CASE WHEN locked_until > now() THEN locked_until END AS locked
         FROM console_accounts WHERE email = $1 AND disabled_at IS NULL`,
      [email],
    );
    if (!row) {
      await verifyPassword(password, await decoyHash());
      throw wrongCredentials();
    }
    if (row.locked) throw locked(row.locked);
    let ok = await verifyPassword(password, row.password_hash);
    let step: number | null = null;
    if (ok && row.totp_secret) {
      if (code === undefined)
        throw new ConsoleFailure('UNAUTHORIZED', 'totpRequired', 'The code of the authenticator app is needed');
      const lastStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
      step = matchingStep(base32Decode(row.totp_secret), code, Date.now() / 1000, lastStep);
      ok = step !== null;
    }
    if (!ok) {
      const [after] = await db.query<{ failed_attempts: number; locked_until: unknown }>(
        `UPDATE console_accounts
            SET failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
                locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) END
          WHERE id = $1 RETURNING failed_attempts, locked_until`,
        [row.id, LOCK_AFTER_FAILURES, LOCK_MINUTES],
      );
      if (after?.locked_until) throw locked(after.locked_until);
      throw wrongCredentials(LOCK_AFTER_FAILURES - Number(after?.failed_attempts ?? 0));
    }
    await db.query(
      `UPDATE console_accounts SET failed_attempts = 0, locked_until = NULL,
              totp_last_step = coalesce($2, totp_last_step) WHERE id = $1`,
      [row.id, step],
    );
    return accountView(row);
  },

  /** A new secret, pending until a code from it is confirmed (so a mistyped set-up never locks anyone out). */
  async startTotp(accountId: string, email: string) {
    const secret = newTotpSecret();
    await db.query('UPDATE console_accounts SET totp_pending = $2 WHERE id = $1', [accountId, secret]);
    return { secret, uri: otpauthUri(secret, email) };
  },

  async confirmTotp(accountId: string, code: string) {
    const [row] = await db.query<{ totp_pending: string | null }>(
      'SELECT totp_pending FROM console_accounts WHERE id = $1',
      [accountId],
    );
    const step = row?.totp_pending ? matchingStep(base32Decode(row.totp_pending), code, Date.now() / 1000, null) : null;
    if (step === null) throw new HubFailure('VALIDATION', 'Wrong code', [{ path: 'code', message: 'wrong code' }]);
    await db.query(
      'UPDATE console_accounts SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $2 WHERE id = $1',
      [accountId, step],
    );
    return { totpEnabled: true };
  },
});

export type ConsoleAccounts = ReturnType<typeof createAccounts>;
