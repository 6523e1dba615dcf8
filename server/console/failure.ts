import type { ConsoleRefusal } from '../../shared/console/protocol.ts';
import type { HubErrorCode } from '../../shared/sync-protocol/common.ts';
import { HubFailure } from '../failure.ts';

/** A console refusal: the hub's error, plus the reason (and when a lock ends) the sign-in page shows. */
export class ConsoleFailure extends HubFailure {
  readonly reason: ConsoleRefusal;
  readonly details: Record<string, unknown>;

  constructor(code: HubErrorCode, reason: ConsoleRefusal, message: string, details: Record<string, unknown> = {}) {
    super(code, message);
    this.name = 'ConsoleFailure';
    this.reason = reason;
    this.details = details;
  }
}
