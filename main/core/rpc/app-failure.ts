import type { AppError, ErrorCode } from '../../../shared/contract/result.ts';

/**
 * Thrown inside the core where a rule is broken; the dispatcher turns it into an error result.
 * Exceptions inside, values at the boundary.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly details: AppError['details'];

  constructor(code: ErrorCode, message: string, details?: AppError['details']) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
  }
}
