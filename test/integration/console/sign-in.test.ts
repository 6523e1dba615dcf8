import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES } from '../../../server/console/accounts.ts';
import { base32Decode, totp } from '../../../server/console/totp.ts';
import { consoleClient, makeAccount, PASSWORD } from '../../support/console-client.ts';
import { enrollDevice, HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';

describe.each(HUB_BACKENDS)('console accounts and sessions on %s', (backend) => {
  let hub: TestHub;
  let counter = 0;
  const newReferente = async () => {
    counter += 1;
    const email = `referente${counter}@comune.example.it`;
    await makeAccount(hub.db, { email, role: 'referente', organisationId: hub.organisationId });
    return email;
  };

  beforeAll(async () => {
    hub = await startTestHub(backend, { trustProxy: true });
  }, 60_000);
  afterAll(() => hub?.close());

  it('signs in with a session cookie that scripts cannot read and other sites cannot send', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    const answer = await browser.signIn(email.toUpperCase(), PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ account: { email, role: 'referente', organisationId: hub.organisationId } });
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pp_console=[\w-]{43}; Path=\/console; HttpOnly; SameSite=Strict$/);
    expect((await browser.call('GET', '/session')).body).toMatchObject({ account: { email } });
    // Only the token's SHA-256 is stored.
    const [row] = await hub.db.query<{ token_hash: string }>('SELECT token_hash FROM console_sessions LIMIT 1');
    expect(cookie).not.toContain(String(row?.token_hash));
  });

  it('marks the cookie Secure behind a TLS proxy', async () => {
    const email = await newReferente();
    const response = await fetch(`${hub.url}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('locks the account after repeated wrong passwords, says until when, and opens again after it', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    for (let attempt = 1; attempt < LOCK_AFTER_FAILURES; attempt += 1) {
      const answer = await browser.signIn(email, 'wrong password here');
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ reason: 'credentials', attemptsLeft: LOCK_AFTER_FAILURES - attempt });
    }
    const locking = await browser.signIn(email, 'wrong password here');
    expect(locking.status).toBe(423);
    expect(locking.body.error).toMatchObject({ code: 'LOCKED', reason: 'locked' });
    const until = Date.parse(String(locking.body.error?.['lockedUntil']));
    expect(until).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The right password changes nothing while locked.
    expect((await browser.signIn(email, PASSWORD)).status).toBe(423);
    expect(browser.cookie).toBeNull();
    await hub.db.query("UPDATE console_accounts SET locked_until = now() - interval '1 second' WHERE email = $1", [
      email,
    ]);
    expect((await browser.signIn(email, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const answer = await consoleClient(hub.url).signIn('nobody@comune.example.it', PASSWORD);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Wrong e-mail or password',
      reason: 'credentials',
    });
  });

  it('refuses a change without the session CSRF token, with a wrong one, or from another origin', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    await browser.signIn(email, PASSWORD);
    const { deviceId } = await enrollDevice(hub);
    const revoke = `/desks/${deviceId}/revoke`;
    for (const extra of [{ csrf: null }, { csrf: 'x'.repeat(43) }, { origin: 'https://evil.example' }]) {
      const answer = await browser.call('POST', revoke, {}, extra);
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ reason: 'csrf' });
    }
    expect(
      (await hub.admin.listDesks(hub.organisationId)).find((desk) => desk.deviceId === deviceId)?.revokedAt,
    ).toBeNull();
    expect((await browser.call('POST', revoke, {}, { origin: hub.url })).status).toBe(200);
    expect(
      (await hub.admin.listDesks(hub.organisationId)).find((desk) => desk.deviceId === deviceId)?.revokedAt,
    ).not.toBeNull();
    // Signing in from another site's page is refused too (login CSRF).
    expect(
      (
        await consoleClient(hub.url).call(
          'POST',
          '/session',
          { email, password: PASSWORD },
          { origin: 'https://evil.example' },
        )
      ).status,
    ).toBe(403);
  });

  it('ends a session left idle, says so once, then treats the browser as signed out', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    await browser.signIn(email, PASSWORD);
    await hub.db.query(
      `UPDATE console_sessions SET last_seen_at = now() - interval '31 minutes'
        WHERE account_id = (SELECT id FROM console_accounts WHERE email = $1)`,
      [email],
    );
    expect((await browser.call('GET', '/session')).body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'expired',
    });
    expect((await browser.call('GET', '/session')).body.error).toMatchObject({ reason: 'signedOut' });
  });

  it('signs out: the cookie is cleared and the old one no longer works', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    await browser.signIn(email, PASSWORD);
    const stolen = browser.cookie as string;
    expect((await browser.call('DELETE', '/session')).status).toBe(200);
    const replay = await fetch(`${hub.url}/console/api/session`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('adds a second factor: then the code is needed, a wrong one counts, a used one is refused', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    await browser.signIn(email, PASSWORD);
    const started = await browser.call('POST', '/me/totp', {});
    const secret = base32Decode(String(started.body['secret']));
    expect(String(started.body['uri'])).toMatch(/^otpauth:\/\/totp\/PassoPasso%3A/);
    const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(
      (await browser.call('POST', '/me/totp/confirm', { code: wrongCode(totp(secret, Date.now() / 1000)) })).status,
    ).toBe(400);
    // A code from the step before (drift allowed), so the sign-in below can use the current one.
    const confirm = totp(secret, Date.now() / 1000 - 30);
    expect((await browser.call('POST', '/me/totp/confirm', { code: confirm })).body).toEqual({ totpEnabled: true });

    const again = consoleClient(hub.url);
    expect((await again.signIn(email, PASSWORD)).body.error).toMatchObject({ reason: 'totpRequired' });
    const wrong = wrongCode(totp(secret, Date.now() / 1000));
    expect((await again.signIn(email, PASSWORD, wrong)).body.error).toMatchObject({
      reason: 'credentials',
      attemptsLeft: 4,
    });
    const code = totp(secret, Date.now() / 1000);
    expect((await again.signIn(email, PASSWORD, code)).status).toBe(200);
    expect((await consoleClient(hub.url).signIn(email, PASSWORD, code)).status).toBe(401);
  });

  it('writes every change to the audit log with the person who made it', async () => {
    const email = await newReferente();
    const browser = consoleClient(hub.url);
    await browser.signIn(email, PASSWORD);
    const { deviceId } = await enrollDevice(hub);
    await browser.call('POST', `/desks/${deviceId}/revoke`, {});
    await browser.call('POST', `/desks/${deviceId}/unrevoke`, {});
    const audit = await browser.call('GET', `/organisations/${hub.organisationId}/audit`);
    const mine = (audit.body as unknown as { accountName: string; action: string; target: string }[]).filter(
      (entry) => entry.target === deviceId,
    );
    const name = `${email.split('@')[0]} <${email}>`;
    expect(mine.map((entry) => [entry.accountName, entry.action])).toEqual([
      [name, 'unrevokeDesk'],
      [name, 'revokeDesk'],
    ]);
  });
});

describe('npm run hub -- create-admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pp-hub-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = async (args: string[], input: string) => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['server/main.ts', ...args], {
      env: { ...process.env, PASSOPASSO_HUB_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.end(input);
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    return { code, out, err };
  };

  it('creates the first hub admin with a password from standard input, and refuses a short one', async () => {
    const short = await run(['create-admin', 'it@consorzio.example.it', 'Paolo Bianchi'], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.err).toContain('password');
    const made = await run(['create-admin', 'IT@consorzio.example.it', 'Paolo', 'Bianchi'], `${PASSWORD}\n`);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({
      email: 'it@consorzio.example.it',
      displayName: 'Paolo Bianchi',
      role: 'hubAdmin',
    });
    const twice = await run(['create-admin', 'it@consorzio.example.it', 'Paolo Bianchi'], `${PASSWORD}\n`);
    expect(twice.code).not.toBe(0);
  }, 60_000);
});
