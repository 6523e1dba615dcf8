import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { API_PREFIX } from '../shared/sync-protocol/common.ts';
import { createConflictAdmin } from './admin/conflicts.ts';
import { createAdminService } from './admin/service.ts';
import { DEFAULT_BUNDLE_DIR } from './console/bundle.ts';
import { registerConsole } from './console/register.ts';
import { bearerToken, deviceForToken, sameSecret, type AuthenticatedDevice } from './auth.ts';
import type { HubDatabase } from './db/database.ts';
import { HubFailure } from './failure.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { createFacilitaExportService } from './export/export-service.ts';
import { registerDeskRoutes } from './routes/desk.ts';
import { toHubError } from './routes/errors.ts';
import { registerOpenApi } from './routes/openapi.ts';
import { DEFAULT_BODY_LIMIT } from './routes/validate.ts';
import { createHubLog, type HubLogLevel } from './request-log.ts';

export interface HubOptions {
  db: HubDatabase;
  version: string;
  /** Bearer token of the admin API; without one the admin API answers 401 to everyone. */
  adminToken?: string | undefined;
  /** Requests per minute per desk on push and pull. */
  deviceRateLimit?: number;
  /** Enrollment attempts per minute per client address (guessing codes is the threat). */
  enrollRateLimit?: number;
  /** Trust X-Forwarded-* from the reverse proxy that terminates TLS (see README). */
  trustProxy?: boolean | string;
  /** One line per request and per failure, from this level up (default `info`). */
  logLevel?: HubLogLevel;
  /** Where log lines go (default: standard error). */
  logSink?: (line: string) => void;
  /** The organisation console (server/console/): session idle timeout and where its built pages are. */
  console?: { idleMinutes?: number; bundleDir?: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    device: AuthenticatedDevice | null;
  }
}

/** Builds the hub's HTTP API (not listening yet): health, enroll, push, pull, admin, OpenAPI, and the console. */
export const buildHub = async (options: HubOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // A hub answers many desks; keep slow clients from holding sockets for ever.
    requestTimeout: 60_000,
  });
  app.decorateRequest('device', null);
  const log = createHubLog(options.logLevel ?? 'info', options.logSink);
  app.addHook('onResponse', async (request, reply) => {
    log.request({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: reply.elapsedTime,
      deviceId: request.device?.id ?? null,
    });
  });
  app.setErrorHandler((error, _request, reply) => {
    const failure = toHubError(error);
    if (failure.code === 'INTERNAL') log.failure('hub.failed', (error as Error).name);
    void reply.status(failure.status).send({
      error: { code: failure.code, message: failure.message, ...(failure.issues ? { issues: failure.issues } : {}) },
    });
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No such route' } });
  });
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new HubFailure('RATE_LIMITED', `Too many requests; retry in ${context.after}`), {
        statusCode: 429,
      }),
  });

  const admin = createAdminService(options.db);
  const authenticateDevice = async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new HubFailure('UNAUTHORIZED', 'A device token is required');
    const device = await deviceForToken(options.db, token);
    if (!device) throw new HubFailure('UNAUTHORIZED', 'The device token is not valid or was revoked');
    request.device = device;
  };
  const authenticateAdmin = async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!options.adminToken)
      throw new HubFailure('UNAUTHORIZED', 'The admin API is disabled (no admin token configured)');
    if (!token || !sameSecret(token, options.adminToken)) throw new HubFailure('UNAUTHORIZED', 'Wrong admin token');
  };

  const facilitaExports = createFacilitaExportService(options.db);
  await app.register(
    async (v1) => {
      registerDeskRoutes(v1, {
        db: options.db,
        admin,
        facilitaExports,
        version: options.version,
        authenticateDevice,
        deviceRateLimit: options.deviceRateLimit ?? 600,
        enrollRateLimit: options.enrollRateLimit ?? 10,
      });
      registerAdminRoutes(v1, {
        admin,
        authenticateAdmin,
        facilitaExports,
        conflicts: createConflictAdmin(options.db),
      });
      registerOpenApi(v1, options.version);
    },
    { prefix: API_PREFIX },
  );
  await registerConsole(app, {
    db: options.db,
    idleMinutes: options.console?.idleMinutes ?? 30,
    bundleDir: options.console?.bundleDir ?? DEFAULT_BUNDLE_DIR,
  });
  return app;
};
