import type { RecordSubject } from '../../../shared/domain/sync/status.ts';
import { prepared } from '../db/statements.ts';
import type { RecordDescription } from '../sync/synced-tables.ts';
import type { JournalContext } from './journal-context.ts';
import { openCitizenField } from './records/citizen.ts';
import type { JournalEntity, Payload } from './records/record-kit.ts';

const textOf = (payloads: readonly Payload[], key: string): string | null => {
  for (const payload of payloads) {
    const value = payload[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
};

/** The record ids a version may point to, and how each is named. */
const LINKS = { citizenId: 'citizen', operatorId: 'operator', trainerId: 'operator', workshopId: 'workshop' } as const;

/**
 * How the journal names its records for a person (a conflict's card): "Rosa Bianchi", a session
 * of 1 December for Rosa Bianchi, the workshop "Corso SPID". Citizens' names are decrypted here,
 * on the desk; a record the desk no longer has (erased) is named by what its versions say.
 */
export const describeRecord = (
  context: JournalContext,
  entity: JournalEntity,
  recordId: string,
  payloads: readonly Payload[],
): RecordDescription => {
  const db = context.db();
  const citizenName = (id: string | null): string | null => {
    if (!id) return null;
    const row = prepared(db, 'SELECT first_name_enc, last_name_enc FROM citizens WHERE id = ?').get(id) as
      { first_name_enc: string | null; last_name_enc: string | null } | undefined;
    if (!row) return null;
    const cipher = context.cipher();
    const parts = [
      openCitizenField(cipher, id, 'first_name', row.first_name_enc),
      openCitizenField(cipher, id, 'last_name', row.last_name_enc),
    ].filter((part) => part);
    return parts.length > 0 ? parts.join(' ') : null;
  };
  const column = (table: 'operators' | 'workshops' | 'sessions' | 'follow_ups', name: string, id: string | null) =>
    id === null
      ? null
      : ((prepared(db, `SELECT ${name} FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null);
  const nameOf = { citizen: citizenName, operator: (id: string) => column('operators', 'name', id) };
  const workshopTitle = (id: string | null) => column('workshops', 'title', id);

  const subject = ((): RecordSubject => {
    const none = { name: null, citizen: null, date: null };
    switch (entity) {
      case 'citizen': {
        const fromVersions = [textOf(payloads, 'firstName'), textOf(payloads, 'lastName')].filter(Boolean).join(' ');
        return { ...none, kind: 'citizen', name: fromVersions || citizenName(recordId) };
      }
      case 'session':
        return {
          ...none,
          kind: 'session',
          date: textOf(payloads, 'date') ?? column('sessions', 'date', recordId),
          citizen: citizenName(textOf(payloads, 'citizenId') ?? column('sessions', 'citizen_id', recordId)),
        };
      case 'followUp': {
        const sessionId = textOf(payloads, 'sessionId') ?? column('follow_ups', 'session_id', recordId);
        return {
          ...none,
          kind: 'followUp',
          date: textOf(payloads, 'dueDate') ?? column('follow_ups', 'due_date', recordId),
          citizen: citizenName(column('sessions', 'citizen_id', sessionId)),
        };
      }
      case 'workshop':
        return { ...none, kind: 'workshop', name: textOf(payloads, 'title') ?? workshopTitle(recordId) };
      case 'participant': {
        const row = prepared(db, 'SELECT workshop_id, citizen_id FROM workshop_participants WHERE id = ?').get(
          recordId,
        ) as { workshop_id: string; citizen_id: string } | undefined;
        return {
          ...none,
          kind: 'participant',
          name: workshopTitle(textOf(payloads, 'workshopId') ?? row?.workshop_id ?? null),
          citizen: citizenName(textOf(payloads, 'citizenId') ?? row?.citizen_id ?? null),
        };
      }
      case 'operator':
        return { ...none, kind: 'operator', name: textOf(payloads, 'name') ?? column('operators', 'name', recordId) };
      case 'site':
        return { ...none, kind: 'site', name: textOf(payloads, 'facilitaName') };
    }
  })();

  const names: Record<string, string> = {};
  for (const payload of payloads) {
    for (const [field, kind] of Object.entries(LINKS)) {
      const id = payload[field];
      if (typeof id !== 'string' || id in names) continue;
      const name = kind === 'workshop' ? workshopTitle(id) : nameOf[kind](id);
      if (name) names[id] = name;
    }
  }
  return { subject, names };
};
