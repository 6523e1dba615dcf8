import type { HubErrorCode } from '../shared/sync-protocol/common.ts';

const STATUS: Record<HubErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Thrown inside the hub where a rule is broken; the error handler answers `{ error: { code, message } }` with its status. */
export class HubFailure extends Error {
  readonly code: HubErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;

  constructor(code: HubErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'HubFailure';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return STATUS[this.code];
  }
}
