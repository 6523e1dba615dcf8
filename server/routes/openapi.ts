import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CloseConflict,
  ConflictQuery,
  ConflictRow,
  CreateOrganisation,
  CreateSite,
  DeskRow,
  EnrollmentCodeRow,
  FacilitaExportEntry,
  FacilitaExportRequest,
  FacilitaExportResult,
  IssueCode,
  IssuedCode,
  OrganisationQuery,
  OrganisationSummary,
  PutOperator,
  SiteSettings,
} from '../../shared/sync-protocol/admin.ts';
import { API_PREFIX, Health, HubErrorBody } from '../../shared/sync-protocol/common.ts';
import { EnrollRequest, EnrollResponse } from '../../shared/sync-protocol/enroll.ts';
import { DeskExportAnswer, DeskExportReport } from '../../shared/sync-protocol/exports.ts';
import { GuidePackPayload, PullRequest, PullResponse } from '../../shared/sync-protocol/pull.ts';
import { PushRequest, PushResponse } from '../../shared/sync-protocol/push.ts';
import { CurrentRecordRequest, CurrentRecordResponse } from '../../shared/sync-protocol/record.ts';

const schema = (type: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'openapi-3.0' });

interface Operation {
  summary: string;
  security: 'none' | 'device' | 'admin';
  body?: z.ZodType;
  /** A zod object whose fields are the query string's parameters. */
  query?: z.ZodType;
  response: z.ZodType;
  /** The answer's media type when it is not JSON (a file). */
  produces?: string;
}

const queryParameters = (type: z.ZodType) => {
  const json = schema(type, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
};

const OPERATIONS: Record<string, Record<string, Operation>> = {
  '/health': { get: { summary: 'Liveness and database reachability', security: 'none', response: Health } },
  '/enroll': {
    post: {
      summary: 'Exchange a one-time enrollment code for a device token',
      security: 'none',
      body: EnrollRequest,
      response: EnrollResponse,
    },
  },
  '/push': {
    post: {
      summary: "Send a batch of a desk's outbox (idempotent, one transaction)",
      security: 'device',
      body: PushRequest,
      response: PushResponse,
    },
  },
  '/pull': {
    post: {
      summary: 'Read the hub → desk feed after a cursor',
      security: 'device',
      body: PullRequest,
      response: PullResponse,
    },
  },
  '/record': {
    post: {
      summary: "The hub's current version of one record (a desk settles a conflict on the latest)",
      security: 'device',
      body: CurrentRecordRequest,
      response: CurrentRecordResponse,
    },
  },
  '/admin/organisations': {
    get: {
      summary: 'List organisations',
      security: 'admin',
      response: z.array(z.object({ id: z.string(), name: z.string() })),
    },
    post: {
      summary: 'Create an organisation',
      security: 'admin',
      body: CreateOrganisation,
      response: z.object({ id: z.string(), name: z.string() }),
    },
  },
  '/admin/sites': {
    post: { summary: 'Create a site', security: 'admin', body: CreateSite, response: z.object({ id: z.string() }) },
  },
  '/admin/sites/{id}/settings': {
    put: {
      summary: "Replace a site's settings (sent to its desks)",
      security: 'admin',
      body: SiteSettings,
      response: z.object({ siteId: z.string(), cursor: z.int() }),
    },
  },
  '/admin/enrollment-codes': {
    post: {
      summary: 'Issue a one-time, expiring enrollment code',
      security: 'admin',
      body: IssueCode,
      response: IssuedCode,
    },
    get: {
      summary: "The organisation's enrollment codes and their state (never the code itself)",
      security: 'admin',
      query: OrganisationQuery,
      response: z.array(EnrollmentCodeRow),
    },
  },
  '/admin/enrollment-codes/{id}/revoke': {
    post: {
      summary: 'Revoke an enrollment code not used yet',
      security: 'admin',
      response: z.object({ id: z.string(), revoked: z.boolean() }),
    },
  },
  '/admin/desks': {
    get: {
      summary: 'Desks with last contact (pull or push), last push, last sync, backlog and app version',
      security: 'admin',
      query: OrganisationQuery,
      response: z.array(DeskRow),
    },
  },
  '/admin/desks/{id}/revoke': {
    post: {
      summary: "Revoke a desk's token (it may enroll again with a fresh code, keeping its unsent work)",
      security: 'admin',
      response: z.object({ deviceId: z.string(), revoked: z.boolean() }),
    },
  },
  '/admin/desks/{id}/unrevoke': {
    post: {
      summary: "Undo a desk's revocation: its token works again",
      security: 'admin',
      response: z.object({ deviceId: z.string(), revoked: z.boolean() }),
    },
  },
  '/admin/conflicts': {
    get: {
      summary: "The organisation's conflicts (open by default), per desk and record, without their payloads",
      security: 'admin',
      query: ConflictQuery,
      response: z.array(ConflictRow),
    },
  },
  '/admin/conflicts/{id}/close': {
    post: {
      summary: 'Close a conflict the desks cannot settle, saying who and why',
      security: 'admin',
      body: CloseConflict,
      response: z.object({ changeId: z.string(), closed: z.boolean(), resolvedAt: z.string().nullable() }),
    },
  },
  '/admin/operators': {
    post: {
      summary: 'Add or change an operator of the roster',
      security: 'admin',
      body: PutOperator,
      response: z.object({ id: z.string(), cursor: z.int() }),
    },
  },
  '/admin/guide-packs': {
    post: {
      summary: 'Publish a guide pack to every desk of an organisation',
      security: 'admin',
      body: z.object({ organisationId: z.string(), pack: GuidePackPayload }),
      response: z.object({ id: z.string(), version: z.string(), sha256: z.string(), cursor: z.int() }),
    },
  },
  '/admin/summary': {
    get: {
      summary: 'Aggregate figures per site and desk',
      security: 'admin',
      query: OrganisationQuery,
      response: OrganisationSummary,
    },
  },
  '/facilita-exports': {
    post: {
      summary:
        "Report a Facilita export the desk made to the organisation's registry (idempotent by exportId); conflict when an export the hub recorded first holds some of its services",
      security: 'device',
      body: DeskExportReport,
      response: DeskExportAnswer,
    },
  },
  '/admin/facilita-exports': {
    post: {
      summary:
        'Facilita export across the desks of an organisation, recorded in the export registry; rows any earlier export holds (the hub’s or a desk’s) are left out unless includeExported is true (404 when nothing new, saying which went out when and where); each file with its archive PDF',
      security: 'admin',
      body: FacilitaExportRequest,
      response: FacilitaExportResult,
    },
    get: {
      summary: "The organisation's Facilita exports, newest first",
      security: 'admin',
      query: OrganisationQuery,
      response: z.array(FacilitaExportEntry),
    },
  },
  '/admin/facilita-exports/{id}/uploaded': {
    post: {
      summary: 'Mark an export as uploaded to Facilita (idempotent: the first time is kept)',
      security: 'admin',
      response: FacilitaExportEntry,
    },
  },
  '/admin/facilita-exports/{id}/files/{filename}': {
    get: {
      summary: "A past export's file, byte for byte (its SHA-256 in X-Content-SHA256 and in the registry)",
      security: 'admin',
      response: z.string(),
      produces: 'text/csv',
    },
  },
  '/admin/facilita-exports/{id}/archives/{filename}': {
    get: {
      summary: "The archive PDF to sign of a hub export's file (the desk's archive: rows, SHA-256, signature block)",
      security: 'admin',
      response: z.string(),
      produces: 'application/pdf',
    },
  },
};

/** The OpenAPI 3 document, generated from the same zod schemas the routes validate with. */
export const openApiDocument = (version: string) => ({
  openapi: '3.0.3',
  info: {
    title: 'PassoPasso hub',
    version,
    description: 'Desk ↔ hub sync protocol (docs/architecture.md §4) and admin API.',
  },
  servers: [{ url: API_PREFIX }],
  components: {
    securitySchemes: {
      device: { type: 'http', scheme: 'bearer', description: 'Device token from /enroll' },
      admin: { type: 'http', scheme: 'bearer', description: 'PASSOPASSO_HUB_ADMIN_TOKEN' },
    },
    schemas: { Error: schema(HubErrorBody, 'output') },
  },
  paths: Object.fromEntries(
    Object.entries(OPERATIONS).map(([path, operations]) => [
      path,
      Object.fromEntries(
        Object.entries(operations).map(([method, operation]) => [
          method,
          {
            summary: operation.summary,
            ...(operation.security === 'none' ? { security: [] } : { security: [{ [operation.security]: [] }] }),
            ...(operation.query ? { parameters: queryParameters(operation.query) } : {}),
            ...(operation.body
              ? {
                  requestBody: {
                    required: true,
                    content: { 'application/json': { schema: schema(operation.body, 'input') } },
                  },
                }
              : {}),
            responses: {
              200: {
                description: 'OK',
                content: {
                  [operation.produces ?? 'application/json']: { schema: schema(operation.response, 'output') },
                },
              },
              default: {
                description: 'Error',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
            },
          },
        ]),
      ),
    ]),
  ),
});

export const registerOpenApi = (v1: FastifyInstance, version: string) => {
  const document = openApiDocument(version);
  v1.get('/openapi.json', () => document);
};
