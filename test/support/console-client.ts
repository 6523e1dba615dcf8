import { CONSOLE_API, CSRF_HEADER, type ConsoleSessionView } from '../../shared/console/protocol.ts';
import { createAccounts, type NewAccountInput } from '../../server/console/accounts.ts';
import type { Queryable } from '../../server/db/database.ts';

export interface ConsoleAnswer {
  status: number;
  body: Record<string, unknown> & { error?: Record<string, unknown> };
  headers: Headers;
}

/** A person's browser against the console API: keeps the session cookie and sends the CSRF token, like the pages do. */
export const consoleClient = (url: string) => {
  let cookie: string | null = null;
  let csrf: string | null = null;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    extra: { origin?: string; csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<ConsoleAnswer> => {
    const token = extra.csrf === undefined ? csrf : extra.csrf;
    const response = await fetch(`${url}${CONSOLE_API}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(token && method !== 'GET' ? { [CSRF_HEADER]: token } : {}),
        ...(extra.origin ? { origin: extra.origin } : {}),
        ...extra.headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = /Max-Age=0/.test(setCookie) ? null : (setCookie.split(';')[0] ?? null);
    // A download (CSV, Excel, PDF) is not JSON: its bytes are read with `download`.
    const json = response.headers.get('content-type')?.includes('application/json') ?? false;
    const text = await response.text();
    return {
      status: response.status,
      body: text && json ? (JSON.parse(text) as ConsoleAnswer['body']) : {},
      headers: response.headers,
    };
  };
  return {
    call,
    get cookie() {
      return cookie;
    },
    /** A file as the browser downloads it: its exact bytes. */
    async download(path: string) {
      const response = await fetch(`${url}${CONSOLE_API}${path}`, { headers: cookie ? { cookie } : {} });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    },
    async signIn(email: string, password: string, totp?: string) {
      const answer = await call('POST', '/session', { email, password, ...(totp ? { totp } : {}) });
      if (answer.status === 200) csrf = (answer.body as unknown as ConsoleSessionView).csrfToken;
      return answer;
    },
  };
};

export type ConsoleClient = ReturnType<typeof consoleClient>;

export const PASSWORD = 'correct horse battery staple';

/** An account straight in the hub's store (the command line and the console itself are tested apart). */
export const makeAccount = (db: Queryable, account: Partial<NewAccountInput> & Pick<NewAccountInput, 'email'>) =>
  createAccounts(db).create({
    displayName: account.email.split('@')[0] ?? 'someone',
    role: 'hubAdmin',
    organisationId: null,
    siteId: null,
    password: PASSWORD,
    ...account,
  });
