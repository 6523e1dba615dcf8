import { HTTP_STATUS_OF } from '../shared/http-status.ts';
import type { HubErrorCode } from '../shared/sync-protocol/common.ts';

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
    return HTTP_STATUS_OF[this.code];
  }
}
