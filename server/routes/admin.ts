import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CreateOrganisation,
  CreateSite,
  IssueCode,
  OrganisationQuery,
  PutOperator,
  SiteSettings,
} from '../../shared/sync-protocol/admin.ts';
import { GuidePackPayload } from '../../shared/sync-protocol/pull.ts';
import { Uuid } from '../../shared/sync-protocol/common.ts';
import type { AdminService } from '../admin/service.ts';
import { verifyPackPayload } from '../admin/guide-pack.ts';
import type { FacilitaExportService } from '../export/export-service.ts';
import type { createConflictAdmin } from '../admin/conflicts.ts';
import { registerConflictRoutes } from './admin-conflicts.ts';
import { registerFacilitaExportRoutes } from './admin-exports.ts';
import { IdParam, parseBody, PUSH_BODY_LIMIT } from './validate.ts';

interface AdminRouteOptions {
  admin: AdminService;
  authenticateAdmin: (request: FastifyRequest) => Promise<void>;
  facilitaExports: FacilitaExportService;
  conflicts: ReturnType<typeof createConflictAdmin>;
}

const PublishPack = z.object({ organisationId: Uuid, pack: GuidePackPayload }).strict();

/** The organisation admin's API (bearer admin token): the same operations as the command line. */
export const registerAdminRoutes = (
  v1: FastifyInstance,
  { admin, authenticateAdmin, facilitaExports, conflicts }: AdminRouteOptions,
) => {
  v1.register(async (scope) => {
    scope.addHook('onRequest', authenticateAdmin);
    const limited = { config: { rateLimit: { max: 120, timeWindow: 60_000 } } };

    scope.get('/admin/organisations', limited, () => admin.listOrganisations());
    scope.post('/admin/organisations', limited, (request) =>
      admin.createOrganisation(parseBody(CreateOrganisation, request.body).name),
    );
    scope.post('/admin/sites', limited, (request) => {
      const body = parseBody(CreateSite, request.body);
      return admin.createSite(body.organisationId, body.name, body.settings);
    });
    scope.put('/admin/sites/:id/settings', limited, (request) =>
      admin.setSiteSettings(parseBody(IdParam, request.params).id, parseBody(SiteSettings, request.body).settings),
    );
    scope.post('/admin/enrollment-codes', limited, (request) => {
      const body = parseBody(IssueCode, request.body);
      return admin.issueCode(body.siteId, body.ttlMinutes);
    });
    scope.get('/admin/desks', limited, (request) =>
      admin.listDesks(parseBody(OrganisationQuery, request.query).organisationId),
    );
    scope.post('/admin/desks/:id/revoke', limited, (request) =>
      admin.revokeDesk(parseBody(IdParam, request.params).id),
    );
    scope.post('/admin/desks/:id/unrevoke', limited, (request) =>
      admin.unrevokeDesk(parseBody(IdParam, request.params).id),
    );
    scope.get('/admin/enrollment-codes', limited, (request) =>
      admin.listCodes(parseBody(OrganisationQuery, request.query).organisationId),
    );
    scope.post('/admin/enrollment-codes/:id/revoke', limited, (request) =>
      admin.revokeCode(parseBody(IdParam, request.params).id),
    );
    scope.post('/admin/operators', limited, (request) => {
      const { organisationId, ...operator } = parseBody(PutOperator, request.body);
      return admin.putOperator(organisationId, operator);
    });
    scope.post('/admin/guide-packs', { ...limited, bodyLimit: PUSH_BODY_LIMIT }, (request) => {
      const body = parseBody(PublishPack, request.body);
      verifyPackPayload(body.pack);
      return admin.publishGuidePack(body.organisationId, body.pack);
    });
    scope.get('/admin/summary', limited, (request) =>
      admin.summary(parseBody(OrganisationQuery, request.query).organisationId),
    );
    registerFacilitaExportRoutes(scope, facilitaExports, limited);
    registerConflictRoutes(scope, conflicts, limited);
  });
};
