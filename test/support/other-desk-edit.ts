import { readPayload, recordChange } from '../../main/core/outbox/outbox.ts';
import type { TestDesk } from './hub-desk.ts';

/** The payload this desk sent for a record's version (what another desk would hold). */
export const sentPayload = (desk: TestDesk, recordId: string, version: number): Record<string, unknown> => {
  const row = desk
    .db()
    .prepare('SELECT change_id, payload FROM outbox WHERE record_id = ? AND version = ?')
    .get(recordId, version) as { change_id: string; payload: string };
  return readPayload(desk.core.context.cipher(), row.change_id, row.payload) as Record<string, unknown>;
};

/** Another desk's edit of a record (version + 1 on `version`), in its outbox, as it will reach the hub. */
export const otherEdit = (desk: TestDesk, entity: string, recordId: string, version: number, payload: unknown) =>
  desk
    .db()
    .transaction(() =>
      recordChange(
        desk.db(),
        desk.core.context.cipher(),
        { entity, recordId, op: 'upsert', version: version + 1, baseVersion: version, payload },
        new Date(),
      ),
    )();
