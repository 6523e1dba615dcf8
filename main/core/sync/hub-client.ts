import type { z } from 'zod';
import type { SyncErrorCode } from '../../../shared/domain/sync/status.ts';
import { API_PREFIX, HubErrorBody, Health } from '../../../shared/sync-protocol/common.ts';
import { EnrollResponse, type EnrollRequest } from '../../../shared/sync-protocol/enroll.ts';
import { DeskExportAnswer, type DeskExportReport } from '../../../shared/sync-protocol/exports.ts';
import { PullResponse, type PullRequest } from '../../../shared/sync-protocol/pull.ts';
import { PushResponse, type PushRequest } from '../../../shared/sync-protocol/push.ts';
import { CurrentRecordResponse, type CurrentRecordRequest } from '../../../shared/sync-protocol/record.ts';

/** A failed call to the hub, classified: `retry` says whether trying again later can help. */
export class HubCallError extends Error {
  readonly code: SyncErrorCode;
  readonly retry: boolean;
  readonly status: number | null;

  constructor(code: SyncErrorCode, message: string, retry: boolean, status: number | null = null) {
    super(message);
    this.name = 'HubCallError';
    this.code = code;
    this.retry = retry;
    this.status = status;
  }
}

/** 401/403 and validation errors are not retried by themselves (docs/architecture.md §4); 429 and 5xx are. */
const classify = (status: number, body: unknown): HubCallError => {
  const parsed = HubErrorBody.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  if (status === 401) return new HubCallError('UNAUTHORIZED', message, false, status);
  if (status === 403) return new HubCallError('FORBIDDEN', message, false, status);
  if (status === 413) return new HubCallError('TOO_LARGE', message, false, status);
  if (status === 429) return new HubCallError('RATE_LIMITED', message, true, status);
  if (status >= 500) return new HubCallError('SERVER', message, true, status);
  return new HubCallError('VALIDATION', message, false, status);
};

export interface HubClientOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs?: number;
}

/** The desk's side of the hub API: every answer is checked against the shared schema before use. */
export const createHubClient = ({ baseUrl, token = null, timeoutMs = 30_000 }: HubClientOptions) => {
  const call = async <S extends z.ZodType>(
    path: string,
    schema: S,
    init: { method: 'GET' | 'POST'; body?: unknown },
  ): Promise<z.output<S>> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${API_PREFIX}${path}`, {
        method: init.method,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new HubCallError('OFFLINE', `The hub cannot be reached (${(error as Error).name})`, true);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      // A cut connection mid-answer, or not JSON: the request may or may not have been applied.
      throw new HubCallError(
        response.ok ? 'OFFLINE' : 'SERVER',
        `The hub's answer was cut or unreadable (${(error as Error).name})`,
        true,
        response.status,
      );
    }
    if (!response.ok) throw classify(response.status, body);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new HubCallError('PROTOCOL', 'The hub answered something unexpected', true, response.status);
    return parsed.data;
  };
  return {
    health: () => call('/health', Health, { method: 'GET' }),
    enroll: (request: EnrollRequest) => call('/enroll', EnrollResponse, { method: 'POST', body: request }),
    push: (request: PushRequest) => call('/push', PushResponse, { method: 'POST', body: request }),
    pull: (request: PullRequest) => call('/pull', PullResponse, { method: 'POST', body: request }),
    currentRecord: (request: CurrentRecordRequest) =>
      call('/record', CurrentRecordResponse, { method: 'POST', body: request }),
    reportExport: (request: DeskExportReport) =>
      call('/facilita-exports', DeskExportAnswer, { method: 'POST', body: request }),
  };
};

export type HubClient = ReturnType<typeof createHubClient>;
