import type { ErrorCode } from './contract/result.ts';
import type { HubErrorCode } from './sync-protocol/common.ts';

/**
 * The HTTP status of every error code, for the desk's browser-mode host and for the hub alike: a
 * code means one status wherever it is answered. Keyed by both code sets, so a code added to either
 * fails to compile until it has its status here.
 */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode | HubErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STORAGE: 503,
  UNAVAILABLE: 503,
};
