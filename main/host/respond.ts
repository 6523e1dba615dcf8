import type { ServerResponse } from 'node:http';
import { fail, type ErrorCode, type Result } from '../../shared/contract/result.ts';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';
import { HTTP_STATUS_OF } from '../../shared/http-status.ts';

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  response.end(payload);
};

export const sendResult = (response: ServerResponse, result: Result<unknown>): void =>
  sendJson(response, result.ok ? 200 : HTTP_STATUS_OF[result.error.code], result);

export const sendError = (response: ServerResponse, code: ErrorCode, message: string, status?: number): void =>
  sendJson(response, status ?? HTTP_STATUS_OF[code], fail(code, message));
