import type { FastifyReply } from 'fastify';
import { RunFacilitaExport } from '../../shared/console/protocol.ts';
import { HubFailure } from '../failure.ts';
import { ExportFileParam, sendArchive, sendExportFile } from '../routes/admin-exports.ts';
import { parseBody } from '../routes/validate.ts';
import { defineConsoleRoute } from './route-table.ts';
import type { ConsoleServices } from './services.ts';

/** A download of an export (a file, its archive PDF): only who may export the organisation's Facilita files. */
const downloadRoute = (
  name: string,
  folder: 'files' | 'archives',
  send: (services: ConsoleServices, id: string, filename: string, reply: FastifyReply) => Promise<unknown>,
) =>
  defineConsoleRoute({
    name,
    method: 'GET',
    url: `/facilita-exports/:id/${folder}/:filename`,
    access: 'manage',
    scope: 'facilitaExport',
    handle({ services, request, reply }) {
      const { id, filename } = parseBody(ExportFileParam, request.params);
      return send(services, id, filename, reply);
    },
  });

/**
 * The Facilita page's routes (part of CONSOLE_ROUTES): the organisation's referente and hub admins
 * export, mark uploaded and download; a site's coordinator reads the list of its site.
 */
export const FACILITA_ROUTES = [
  defineConsoleRoute({
    name: 'listFacilitaExports',
    method: 'GET',
    url: '/organisations/:id/facilita-exports',
    access: 'manage',
    scope: 'organisation',
    handle: ({ services, scope }) => services.facilita.list(scope.organisationId as string),
  }),
  defineConsoleRoute({
    name: 'listSiteFacilitaExports',
    method: 'GET',
    url: '/sites/:id/facilita-exports',
    access: 'read',
    scope: 'site',
    handle: ({ services, scope, id }) => services.facilita.list(scope.organisationId as string, id),
  }),
  defineConsoleRoute({
    name: 'runFacilitaExport',
    method: 'POST',
    url: '/organisations/:id/facilita-exports',
    access: 'manage',
    scope: 'organisation',
    async handle({ services, scope, body, account, auditDetails }) {
      if (!account) throw new HubFailure('UNAUTHORIZED', 'Sign in first');
      const input = parseBody(RunFacilitaExport, body);
      const answer = await services.facilita.run({
        ...input,
        organisationId: scope.organisationId as string,
        createdBy: account.displayName,
      });
      auditDetails['exportId'] = answer.nothingToExport ? null : answer.exportId;
      auditDetails['fields'] = ['from', 'to', 'includeExported'];
      return answer;
    },
  }),
  defineConsoleRoute({
    name: 'markFacilitaUploaded',
    method: 'POST',
    url: '/facilita-exports/:id/uploaded',
    access: 'manage',
    scope: 'facilitaExport',
    handle: ({ services, id }) => services.facilita.markUploaded(id),
  }),
  downloadRoute('facilitaExportFile', 'files', async (services, id, filename, reply) =>
    sendExportFile(reply, filename, await services.facilita.file(id, filename)),
  ),
  downloadRoute('facilitaExportArchive', 'archives', async (services, id, filename, reply) =>
    sendArchive(reply, filename, await services.facilita.archive(id, filename)),
  ),
];
