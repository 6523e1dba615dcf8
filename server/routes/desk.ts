import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Health } from '../../shared/sync-protocol/common.ts';
import { EnrollRequest } from '../../shared/sync-protocol/enroll.ts';
import { DeskExportReport } from '../../shared/sync-protocol/exports.ts';
import { PullRequest } from '../../shared/sync-protocol/pull.ts';
import { PushRequest } from '../../shared/sync-protocol/push.ts';
import { CurrentRecordRequest } from '../../shared/sync-protocol/record.ts';
import type { AdminService } from '../admin/service.ts';
import type { FacilitaExportService } from '../export/export-service.ts';
import type { AuthenticatedDevice } from '../auth.ts';
import type { HubDatabase } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { applyPush } from '../sync/apply-push.ts';
import { readCurrentRecord } from '../sync/current-record.ts';
import { readFeed } from '../sync/feed.ts';
import { parseBody, PUSH_BODY_LIMIT } from './validate.ts';

interface DeskRouteOptions {
  db: HubDatabase;
  admin: AdminService;
  facilitaExports: FacilitaExportService;
  version: string;
  authenticateDevice: (request: FastifyRequest) => Promise<void>;
  deviceRateLimit: number;
  enrollRateLimit: number;
}

/** A desk writes only as itself: the device in the body must be the one its token belongs to. */
const asDevice = (request: FastifyRequest, claimed: string): AuthenticatedDevice => {
  const device = request.device;
  if (!device) throw new HubFailure('UNAUTHORIZED', 'A device token is required');
  if (device.id !== claimed) throw new HubFailure('FORBIDDEN', 'A desk may only write as itself');
  return device;
};

/** The routes desks call: health (no token), enroll (one-time code), push, pull, record and export reports (device token). */
export const registerDeskRoutes = (v1: FastifyInstance, options: DeskRouteOptions) => {
  const perDevice = {
    rateLimit: {
      max: options.deviceRateLimit,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => request.device?.id ?? request.ip,
    },
  };

  v1.get('/health', async () => {
    await options.db.query('SELECT 1');
    return Health.parse({
      status: 'ok',
      service: 'passopasso-hub',
      version: options.version,
      database: options.db.kind,
      time: new Date().toISOString(),
    });
  });

  v1.post(
    '/enroll',
    { config: { rateLimit: { max: options.enrollRateLimit, timeWindow: 60_000 } } },
    async (request) => {
      const body = parseBody(EnrollRequest, request.body);
      return options.admin.enroll(body.code, body.deviceId, body.deskName);
    },
  );

  // Authentication runs before the body is even read: no token, no parsing.
  v1.post(
    '/push',
    { bodyLimit: PUSH_BODY_LIMIT, onRequest: options.authenticateDevice, config: perDevice },
    async (request) => {
      const body = parseBody(PushRequest, request.body);
      return applyPush(options.db, asDevice(request, body.deviceId), body);
    },
  );

  v1.post('/pull', { onRequest: options.authenticateDevice, config: perDevice }, async (request) => {
    const body = parseBody(PullRequest, request.body);
    const device = asDevice(request, body.deviceId);
    // A pull is contact too: "never synced" must not be said of a desk that only pulls.
    await options.db.query(
      `UPDATE devices SET last_seen_at = now(), backlog = coalesce($2, backlog), app_version = coalesce($3, app_version)
        WHERE id = $1`,
      [device.id, body.backlog ?? null, body.appVersion ?? null],
    );
    return readFeed(options.db, device, body.after, body.limit);
  });

  // The hub's latest version of a record a person is about to settle a conflict on.
  v1.post('/record', { onRequest: options.authenticateDevice, config: perDevice }, async (request) => {
    const body = parseBody(CurrentRecordRequest, request.body);
    const record = await readCurrentRecord(options.db, asDevice(request, body.deviceId), body.entity, body.recordId);
    return { record };
  });
  // A Facilita export the desk made, for the organisation's one registry (up to 200k services: a push's limit).
  v1.post(
    '/facilita-exports',
    { bodyLimit: PUSH_BODY_LIMIT, onRequest: options.authenticateDevice, config: perDevice },
    async (request) => {
      const body = parseBody(DeskExportReport, request.body);
      return options.facilitaExports.reportFromDesk(asDevice(request, body.deviceId), body);
    },
  );
};
