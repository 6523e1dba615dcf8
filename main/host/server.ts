import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../core/app-core.ts';
import { AppFailure } from '../core/rpc/app-failure.ts';
import { DESK, type Caller } from '../core/rpc/caller.ts';
import { openEventStream } from './event-stream.ts';
import { checkRequest, PASS_HEADER, type GuardConfig } from './guard.ts';
import { describeContract } from './method-listing.ts';
import { readJsonBody } from './read-body.ts';
import { sendError, sendJson, sendResult } from './respond.ts';
import { serveStatic } from './static-files.ts';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';

export const LOOPBACK = '127.0.0.1';
const RPC_PREFIX = '/api/rpc/';

export interface HostOptions {
  core: AppCore;
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  /** The URL to open in a browser: it carries the token once, the host then sets a cookie. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const handleRpc = async (
  request: IncomingMessage,
  response: ServerResponse,
  core: AppCore,
  method: string,
  caller: Caller,
) => {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    // A cross-site <form> can only send text/plain or form encodings: requiring JSON shuts that door too.
    return sendError(response, 'VALIDATION', 'Content-Type must be application/json', 415);
  }
  const input = await readJsonBody(request);
  sendResult(response, await core.dispatcher.call(method, input, caller));
};

const route = async (
  request: IncomingMessage,
  response: ServerResponse,
  core: AppCore,
  guard: GuardConfig,
  rendererDir: string,
) => {
  const url = new URL(request.url ?? '/', guard.origin);
  const queryToken = url.pathname === '/' ? url.searchParams.get('token') : null;
  // A citizen view's pass: in a header on calls, in the address of its event stream.
  const headerPass = request.headers[PASS_HEADER];
  const pass =
    (typeof headerPass === 'string' ? headerPass : null) ??
    (url.pathname === '/api/events' ? url.searchParams.get('pass') : null);
  const citizen = pass === null ? null : core.passes.resolve(pass);
  const refusal = checkRequest(request, guard, queryToken, pass === null ? 'none' : citizen ? 'known' : 'unknown');
  if (refusal) return sendError(response, refusal.code, refusal.message);
  const caller = citizen ?? DESK;
  // With a pass, only the contract's calls and events: the page and its files come with the desk's cookie.
  if (citizen && !url.pathname.startsWith(RPC_PREFIX) && url.pathname !== '/api/events')
    return sendError(response, 'FORBIDDEN', 'A citizen pass opens only calls and events');

  if (queryToken !== null) {
    // Trade the token in the address for an HttpOnly cookie, and drop it from the address bar and history.
    response.writeHead(303, {
      ...SECURITY_HEADERS,
      'Set-Cookie': `${guard.cookieName}=${guard.token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: '/',
      'Cache-Control': 'no-store',
    });
    return response.end();
  }
  if (url.pathname.startsWith(RPC_PREFIX)) {
    if (request.method !== 'POST') return sendError(response, 'NOT_FOUND', 'Use POST for methods', 405);
    return handleRpc(request, response, core, decodeURIComponent(url.pathname.slice(RPC_PREFIX.length)), caller);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendError(response, 'NOT_FOUND', 'Method not allowed', 405);
  if (url.pathname === '/api/rpc') return sendJson(response, 200, describeContract());
  if (url.pathname === '/api/events') return openEventStream(response, core.events, caller);
  if (url.pathname.startsWith('/api/')) return sendError(response, 'NOT_FOUND', 'Not found');
  return serveStatic(rendererDir, url.pathname, response);
};

/** Browser mode: the contract and the built renderer over HTTP, on 127.0.0.1 only, behind a per-launch token. */
export const startHost = async (options: HostOptions): Promise<RunningHost> => {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const guard: GuardConfig = { hostHeader: '', origin: '', token, cookieName: '' };
  const server = createServer((request, response) => {
    route(request, response, options.core, guard, options.rendererDir).catch((error: unknown) => {
      if (error instanceof AppFailure) return sendError(response, error.code, error.message);
      if (!response.headersSent) sendError(response, 'INTERNAL', 'Unexpected failure');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, resolve);
  });
  const { port } = server.address() as AddressInfo;
  Object.assign(guard, {
    hostHeader: `${LOOPBACK}:${port}`,
    origin: `http://${LOOPBACK}:${port}`,
    // Cookies ignore ports: name ours by port so two desks on one machine do not overwrite each other's.
    cookieName: `passopasso_token_${port}`,
  });
  return {
    url: guard.origin,
    openUrl: `${guard.origin}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
