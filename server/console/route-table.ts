import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleAccess, ConsoleScope } from '../../shared/console/access.ts';
import type { ConsoleAccountView } from '../../shared/console/protocol.ts';
import type { ScopeSource } from './scope.ts';
import type { ConsoleServices } from './services.ts';

export interface ConsoleRequest {
  account: ConsoleAccountView | null;
  /** The session's CSRF token (null when signed out). */
  csrfToken: string | null;
  scope: ConsoleScope;
  /** The `:id` the route names (already resolved to `scope`). */
  id: string;
  body: unknown;
  query: unknown;
  services: ConsoleServices;
  request: FastifyRequest;
  reply: FastifyReply;
  /** What the audit line of this change says beyond who, what and which id (field names, never values of people). */
  auditDetails: Record<string, unknown>;
}

/** One console route: its access is declared here, next to it, and checked once before `handle` runs. */
export interface ConsoleRoute {
  /** The audit log's action for a change; also the route's name in tests. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under `/console/api`. */
  url: string;
  access: ConsoleAccess;
  scope: ScopeSource;
  handle(request: ConsoleRequest): Promise<unknown>;
}

export const defineConsoleRoute = (route: ConsoleRoute): ConsoleRoute => route;

/** A route that changes something: CSRF-checked and written to the audit log. */
export const isChange = (route: Pick<ConsoleRoute, 'method'>): boolean => route.method !== 'GET';
