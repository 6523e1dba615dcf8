/** Every error that can cross the contract boundary has one of these codes; the UI translates by code. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_LARGE',
  'STORAGE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field; `path` is the dotted field path (empty for the whole input). */
export interface FieldIssue {
  path: string;
  /** zod's issue code (too_small, invalid_type, …), translated by the UI. */
  code: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

export interface AppError {
  code: ErrorCode;
  /** Technical English text for logs and developers; people see the translation of `code`. */
  message: string;
  details?: { issues?: FieldIssue[] } & Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, details?: AppError['details']): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
