import type { SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { refuse, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { CITIZEN } from '../records/citizen.ts';
import { findRow } from '../records/record-kit.ts';
import { SESSION, type SessionRow } from '../records/session.ts';

/**
 * Erases what identifies a citizen: names, codice fiscale (and its hash), email, phone, and the
 * free text of their sessions and follow-ups. Aggregates stay (age band via birth year, codes,
 * durations), so the desk's counts remain true. Runs inside the caller's transaction.
 */
export const eraseCitizenIn = (
  context: JournalContext,
  citizenId: string,
  actorId: string | null,
  action: 'erase' | 'retention',
  reason: string,
): void => {
  const db = context.db();
  const row = findRow(db, CITIZEN, citizenId);
  if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such citizen');
  if (row.erased_at) return;
  const at = context.now().toISOString();
  const sessions = db
    .prepare('SELECT id, version FROM sessions WHERE citizen_id = ? AND erased_at IS NULL')
    .all(citizenId) as Pick<SessionRow, 'id' | 'version'>[];
  for (const session of sessions) eraseSessionTextIn(context, session.id, session.version, actorId, action);
  // The citizen's record also makes their sessions unreportable (records/citizen.ts).
  writeVersion(context, CITIZEN, {
    id: citizenId,
    version: row.version + 1,
    mode: 'update',
    op: 'delete',
    payload: { id: citizenId, erasedAt: at, reason },
    audit: { action, operatorId: actorId, reason },
  });
};

/** Free text of one session (SE7 details, ES answers, private notes, follow-up reasons). */
export const eraseSessionTextIn = (
  context: JournalContext,
  sessionId: string,
  currentVersion: number,
  actorId: string | null,
  action: 'erase' | 'retention',
): void => {
  const at = context.now().toISOString();
  writeVersion(context, SESSION, {
    id: sessionId,
    version: currentVersion + 1,
    mode: 'update',
    payload: { id: sessionId, erasedAt: at, erasedFields: ['details', 'experience', 'privateNotes'] },
    audit: { action, operatorId: actorId },
  });
  // Follow-up reasons are cleared in place, without a new version of each follow-up.
  context
    .db()
    .prepare('UPDATE follow_ups SET reason_enc = NULL, updated_at = ? WHERE session_id = ?')
    .run(at, sessionId);
};

export const eraseCitizen = (context: JournalContext, citizenId: string, reason: string, actor: SignedIn): void => {
  context.db().transaction(() => eraseCitizenIn(context, citizenId, actor.id, 'erase', reason))();
};
