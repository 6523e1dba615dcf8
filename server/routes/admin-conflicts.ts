import type { FastifyInstance } from 'fastify';
import { CloseConflict, ConflictQuery } from '../../shared/sync-protocol/admin.ts';
import type { createConflictAdmin } from '../admin/conflicts.ts';
import { IdParam, parseBody } from './validate.ts';

/** The organisation's conflicts: list them, close one the desks cannot settle. Inside the admin scope. */
export const registerConflictRoutes = (
  scope: FastifyInstance,
  conflicts: ReturnType<typeof createConflictAdmin>,
  limited: { config: { rateLimit: { max: number; timeWindow: number } } },
) => {
  scope.get('/admin/conflicts', limited, (request) => {
    const query = parseBody(ConflictQuery, request.query);
    return conflicts.list(query.organisationId, query.state);
  });
  scope.post('/admin/conflicts/:id/close', limited, (request) => {
    const body = parseBody(CloseConflict, request.body);
    return conflicts.close(parseBody(IdParam, request.params).id, body.closedBy, body.reason);
  });
};
