import type { SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { writeAudit } from '../audit.ts';
import { writeChange } from '../changes.ts';
import { refuse, type JournalContext } from '../journal-context.ts';

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
  const row = db.prepare('SELECT version, erased_at FROM citizens WHERE id = ?').get(citizenId) as
    { version: number; erased_at: string | null } | undefined;
  if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such citizen');
  if (row.erased_at) return;
  const at = context.now().toISOString();
  const version = row.version + 1;
  db.prepare(
    `UPDATE citizens SET version = ?, cf_hash = NULL, cf_enc = NULL, first_name_enc = NULL, last_name_enc = NULL,
       email_enc = NULL, phone_enc = NULL, erased_at = ?, updated_at = ? WHERE id = ?`,
  ).run(version, at, at, citizenId);
  const sessions = db
    .prepare('SELECT id, version FROM sessions WHERE citizen_id = ? AND erased_at IS NULL')
    .all(citizenId) as { id: string; version: number }[];
  for (const session of sessions) eraseSessionTextIn(context, session.id, session.version, actorId, action);
  db.prepare('UPDATE sessions SET reportable = 0 WHERE citizen_id = ?').run(citizenId);
  writeChange(context, 'citizen', citizenId, version, { id: citizenId, erasedAt: at, reason }, 'delete');
  writeAudit(context, { entity: 'citizen', recordId: citizenId, version, action, operatorId: actorId, reason });
};

/** Free text of one session (SE7 details, ES answers, private notes, follow-up reasons). */
export const eraseSessionTextIn = (
  context: JournalContext,
  sessionId: string,
  currentVersion: number,
  actorId: string | null,
  action: 'erase' | 'retention',
): void => {
  const db = context.db();
  const at = context.now().toISOString();
  const version = currentVersion + 1;
  db.prepare(
    `UPDATE sessions SET version = ?, details_enc = NULL, experience_enc = NULL, notes_enc = NULL, erased_at = ?,
       updated_at = ? WHERE id = ?`,
  ).run(version, at, at, sessionId);
  db.prepare('UPDATE follow_ups SET reason_enc = NULL, updated_at = ? WHERE session_id = ?').run(at, sessionId);
  writeChange(context, 'session', sessionId, version, {
    id: sessionId,
    erasedAt: at,
    erasedFields: ['details', 'experience', 'privateNotes'],
  });
  writeAudit(context, { entity: 'session', recordId: sessionId, version, action, operatorId: actorId });
};

export const eraseCitizen = (context: JournalContext, citizenId: string, reason: string, actor: SignedIn): void => {
  context.db().transaction(() => eraseCitizenIn(context, citizenId, actor.id, 'erase', reason))();
};
