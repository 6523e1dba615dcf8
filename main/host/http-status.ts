import type { ErrorCode } from '../../shared/contract/result.ts';

export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  LOCKED: 423,
  INTERNAL: 500,
  STORAGE: 503,
  UNAVAILABLE: 503,
};
