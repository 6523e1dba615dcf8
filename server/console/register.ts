import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayUseConsole } from '../../shared/console/access.ts';
import { CONSOLE_API, CSRF_HEADER } from '../../shared/console/protocol.ts';
import { sameSecret } from '../auth.ts';
import type { HubDatabase } from '../db/database.ts';
import { toHubError } from '../routes/errors.ts';
import { registerConsoleBundle } from './bundle.ts';
import { ConsoleFailure } from './failure.ts';
import { isChange, type ConsoleRoute } from './route-table.ts';
import { CONSOLE_ROUTES } from './routes.ts';
import { resolveScope } from './scope.ts';
import { cookieValue, SESSION_COOKIE } from './sessions.ts';
import { createConsoleServices, type ConsoleServices } from './services.ts';

export interface ConsoleOptions {
  db: HubDatabase;
  /** Minutes without a request after which a session ends (default 30). */
  idleMinutes?: number;
  /** The built console bundle (out/console). */
  bundleDir: string;
}

/**
 * A change must come from the console's own pages. The session cookie is SameSite=Strict, so
 * another site's page cannot send it at all; on top of that (older browsers, a sibling subdomain)
 * a change needs the session's CSRF token in a header — only our own pages read it, from the
 * session answer — and a browser's `Origin`, when sent, must be this hub's.
 */
const checkOrigin = (request: FastifyRequest) => {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`)
    throw new ConsoleFailure('FORBIDDEN', 'csrf', 'This request comes from another site');
};

const guard = async (services: ConsoleServices, route: ConsoleRoute, request: FastifyRequest) => {
  if (isChange(route)) checkOrigin(request);
  if (route.access === 'public') return { account: null, csrfToken: null };
  const session = await services.sessions.find(cookieValue(request.headers.cookie, SESSION_COOKIE));
  if (session.state === 'expired')
    throw new ConsoleFailure('UNAUTHORIZED', 'expired', 'The session ended after a while without use: sign in again');
  if (session.state === 'none') throw new ConsoleFailure('UNAUTHORIZED', 'signedOut', 'Sign in first');
  const given = request.headers[CSRF_HEADER];
  if (isChange(route) && (typeof given !== 'string' || !sameSecret(given, session.csrfToken)))
    throw new ConsoleFailure('FORBIDDEN', 'csrf', 'The page is out of date: reload it');
  return { account: session.account, csrfToken: session.csrfToken };
};

/** The console: its API under /console/api (sessions, access per route, audit of every change) and its pages under /console/. */
export const registerConsole = async (app: FastifyInstance, options: ConsoleOptions) => {
  const services = createConsoleServices(options.db, options.idleMinutes ?? 30);
  await app.register(
    async (api) => {
      api.setErrorHandler((error, _request, reply) => {
        const failure = toHubError(error);
        const extra = error instanceof ConsoleFailure ? { reason: error.reason, ...error.details } : {};
        void reply.status(failure.status).send({
          error: {
            code: failure.code,
            message: failure.message,
            ...extra,
            ...(failure.issues ? { issues: failure.issues } : {}),
          },
        });
      });
      for (const route of CONSOLE_ROUTES) {
        // Guessing passwords is slowed per account by the lock, and per address here.
        const rateLimit = route.name === 'signIn' ? { max: 30, timeWindow: 60_000 } : { max: 600, timeWindow: 60_000 };
        api.route({
          method: route.method,
          url: route.url,
          config: { rateLimit },
          handler: async (request, reply) => {
            const { account, csrfToken } = await guard(services, route, request);
            const scope = await resolveScope(options.db, route.scope, request.params);
            if (!mayUseConsole(route.access, account, scope))
              throw new ConsoleFailure('FORBIDDEN', 'role', 'This account may not do this');
            const id = String((request.params as { id?: string } | null)?.id ?? '');
            const auditDetails: Record<string, unknown> = {};
            const result = await route.handle({
              account,
              csrfToken,
              scope,
              id,
              body: request.body,
              query: request.query,
              services,
              request,
              reply,
              auditDetails,
            });
            if (account && isChange(route)) {
              await services.audit.record(account, {
                organisationId: scope.organisationId ?? (auditDetails['organisationId'] as string | undefined) ?? null,
                action: route.name,
                target: id || null,
                details: auditDetails,
              });
            }
            return result;
          },
        });
      }
    },
    { prefix: CONSOLE_API },
  );
  registerConsoleBundle(app, options.bundleDir);
  return services;
};
