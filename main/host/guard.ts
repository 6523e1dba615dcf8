import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../shared/contract/result.ts';

export interface GuardConfig {
  /** `127.0.0.1:<port>`: the only Host we answer (DNS-rebinding defence). */
  hostHeader: string;
  /** `http://127.0.0.1:<port>`: the only Origin we accept (CSRF defence). */
  origin: string;
  token: string;
  cookieName: string;
}

export type Refusal = { code: ErrorCode; message: string } | null;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const cookieToken = (request: IncomingMessage, cookieName: string): string | undefined => {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
};

export const bearerToken = (request: IncomingMessage): string | undefined => {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
};

export const hasValidToken = (request: IncomingMessage, config: GuardConfig, queryToken?: string | null): boolean =>
  [bearerToken(request), cookieToken(request, config.cookieName), queryToken ?? undefined].some(
    (candidate) => candidate !== undefined && sameSecret(candidate, config.token),
  );

/** The header a citizen view sends its pass in (the event stream, which cannot send headers, sends `?pass=`). */
export const PASS_HEADER = 'x-passopasso-pass';

/** What a request shows besides the desk's token: a citizen view's pass, known or not. */
export type PassCheck = 'none' | 'known' | 'unknown';

/**
 * Host and Origin first (a foreign page must learn nothing, not even that the token was wrong),
 * then the credentials: a citizen view's pass (which stands on its own and is never widened by a
 * token beside it), else the desk's token.
 */
export const checkRequest = (
  request: IncomingMessage,
  config: GuardConfig,
  queryToken?: string | null,
  pass: PassCheck = 'none',
): Refusal => {
  if (request.headers.host !== config.hostHeader) return { code: 'FORBIDDEN', message: 'Host not allowed' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== config.origin)
    return { code: 'FORBIDDEN', message: 'Cross-origin request refused' };
  if (pass === 'unknown') return { code: 'UNAUTHORIZED', message: 'Unknown citizen pass' };
  if (pass === 'none' && !hasValidToken(request, config, queryToken))
    return { code: 'UNAUTHORIZED', message: 'Missing or wrong token' };
  return null;
};
