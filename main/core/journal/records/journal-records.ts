import { CITIZEN } from './citizen.ts';
import { FOLLOW_UP } from './follow-up.ts';
import { OPERATOR } from './operator.ts';
import { PARTICIPANT } from './participant.ts';
import type { JournalEntity, RecordModule } from './record-kit.ts';
import { SESSION } from './session.ts';
import { SITE } from './site.ts';
import { WORKSHOP } from './workshop.ts';

/** Every journal record that syncs, by outbox entity: the list app-core hands to the sync engine. */
export const JOURNAL_RECORDS: Readonly<Record<JournalEntity, RecordModule>> = {
  operator: OPERATOR,
  site: SITE,
  citizen: CITIZEN,
  session: SESSION,
  followUp: FOLLOW_UP,
  workshop: WORKSHOP,
  participant: PARTICIPANT,
};
