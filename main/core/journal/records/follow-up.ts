import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { text, type Columns, type RecordModule } from './record-kit.ts';

export interface FollowUpRow {
  id: string;
  version: number;
  session_id: string;
  due_date: string;
  reason_enc: string | null;
  done_at: string | null;
  deleted_at: string | null;
  synced_version: number | null;
}

const reasonContext = (id: string) => `follow_ups.reason:${id}`;

export const openFollowUpReason = (cipher: FieldCipher, id: string, sealed: string | null): string =>
  sealed === null ? '' : cipher.decrypt(sealed, reasonContext(id));

/**
 * A follow-up's synced payload: `{ id, sessionId, dueDate, reason, done }` (marking it done sends
 * `doneAt` and no reason: the reason is kept); a removed one is a delete `{ deletedAt }`.
 */
export const FOLLOW_UP: RecordModule<FollowUpRow> = {
  entity: 'followUp',
  table: 'follow_ups',
  columns(payload, op, id, { cipher, at }): Columns {
    if (op === 'delete') return { deleted_at: text(payload, 'deletedAt') ?? at };
    const reason = text(payload, 'reason');
    return {
      due_date: text(payload, 'dueDate'),
      ...(reason === null ? {} : { reason_enc: cipher.encrypt(reason, reasonContext(id)) }),
      done_at: payload['done'] === true ? (text(payload, 'doneAt') ?? at) : null,
    };
  },
};
