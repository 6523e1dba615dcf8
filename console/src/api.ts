import { CONSOLE_API, CSRF_HEADER, type ConsoleRefusal, type ConsoleSessionView } from '../../shared/console/names.ts';

/** A refusal or failure of the console API, with what the page needs to say why. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly reason: ConsoleRefusal | null;
  readonly issues: { path: string; message: string }[];
  readonly details: Record<string, unknown>;

  constructor(status: number, error: Record<string, unknown>) {
    super(String(error['message'] ?? 'failed'));
    this.status = status;
    this.code = String(error['code'] ?? 'INTERNAL');
    this.reason = (error['reason'] as ConsoleRefusal | undefined) ?? null;
    this.issues = (error['issues'] as ApiError['issues'] | undefined) ?? [];
    this.details = error;
  }
}

let csrfToken: string | null = null;
let onSignedOut: (reason: ConsoleRefusal) => void = () => undefined;

/** The session's CSRF token goes with every change; a lost session hands the page back to sign-in. */
export const bindSession = (session: ConsoleSessionView | null, signedOut: (reason: ConsoleRefusal) => void) => {
  csrfToken = session?.csrfToken ?? null;
  onSignedOut = signedOut;
};

export const api = async <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${CONSOLE_API}${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method !== 'GET' && csrfToken ? { [CSRF_HEADER]: csrfToken } : {}),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return answer as T;
  const error = new ApiError(response.status, (answer['error'] as Record<string, unknown> | undefined) ?? {});
  if (response.status === 401 && (error.reason === 'expired' || error.reason === 'signedOut') && path !== '/session')
    onSignedOut(error.reason);
  throw error;
};
