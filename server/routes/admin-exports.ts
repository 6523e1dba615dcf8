import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { FacilitaExportRequest, OrganisationQuery } from '../../shared/sync-protocol/admin.ts';
import { Uuid } from '../../shared/sync-protocol/common.ts';
import type { FacilitaExportService } from '../export/export-service.ts';
import { IdParam, parseBody } from './validate.ts';

export const ExportFileParam = z.object({ id: Uuid, filename: z.string().min(1).max(300) }).strict();

/** A file of an export as a download: its type, its name, its bytes. */
const download = (reply: FastifyReply, type: string, filename: string, body: string | Buffer) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename.replaceAll('"', '')}"`)
    .send(body);

/** The very bytes of the first download (their SHA-256 is in the registry), as a file, not JSON (admin API and console). */
export const sendExportFile = (
  reply: FastifyReply,
  filename: string,
  file: Awaited<ReturnType<FacilitaExportService['file']>>,
) =>
  download(
    reply.header('x-content-sha256', file.sha256),
    file.format === 'xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv; charset=utf-8',
    filename,
    file.content,
  );

/** The archive PDF to sign, made with the export by the desk's archive code. */
export const sendArchive = (reply: FastifyReply, filename: string, pdf: Buffer) =>
  download(reply, 'application/pdf', filename, pdf);

/** The Facilita export across desks and its registry; registered inside the admin scope (admin token). */
export const registerFacilitaExportRoutes = (
  scope: FastifyInstance,
  exports: FacilitaExportService,
  limited: { config: { rateLimit: { max: number; timeWindow: number } } },
) => {
  scope.post('/admin/facilita-exports', limited, (request) =>
    exports.run(parseBody(FacilitaExportRequest, request.body)),
  );
  scope.get('/admin/facilita-exports', limited, (request) =>
    exports.list(parseBody(OrganisationQuery, request.query).organisationId),
  );
  scope.post('/admin/facilita-exports/:id/uploaded', limited, (request) =>
    exports.markUploaded(parseBody(IdParam, request.params).id),
  );
  scope.get('/admin/facilita-exports/:id/files/:filename', limited, async (request, reply) => {
    const { id, filename } = parseBody(ExportFileParam, request.params);
    return sendExportFile(reply, filename, await exports.file(id, filename));
  });
  scope.get('/admin/facilita-exports/:id/archives/:filename', limited, async (request, reply) => {
    const { id, filename } = parseBody(ExportFileParam, request.params);
    return sendArchive(reply, filename, await exports.archive(id, filename));
  });
};
