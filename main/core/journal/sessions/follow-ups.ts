import type { FollowUp } from '../../../../shared/domain/journal/sessions.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import { refuse, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { FOLLOW_UP, openFollowUpReason, type FollowUpRow } from '../records/follow-up.ts';
import { findRow } from '../records/record-kit.ts';
import type { SessionRow } from '../records/session.ts';

/** A follow-up with its session's citizen, as the lists show it. */
type Listed = FollowUpRow & Pick<SessionRow, 'citizen_id'>;

/** Follow-up tasks ("call back when the PIN letter arrives"): one open task per session at most. */
export class FollowUpStore {
  readonly #context: JournalContext;
  readonly #citizens: CitizenStore;

  constructor(context: JournalContext, citizens: CitizenStore) {
    this.#context = context;
    this.#citizens = citizens;
  }

  forSession(sessionId: string): FollowUp | null {
    const row = this.#context
      .db()
      .prepare(
        `SELECT f.*, s.citizen_id FROM follow_ups f JOIN sessions s ON s.id = f.session_id
         WHERE f.session_id = ? AND f.deleted_at IS NULL ORDER BY f.created_at DESC LIMIT 1`,
      )
      .get(sessionId) as Listed | undefined;
    return row ? this.#view(row) : null;
  }

  /** Open tasks, earliest due first. */
  open(): FollowUp[] {
    const rows = this.#context
      .db()
      .prepare(
        `SELECT f.*, s.citizen_id FROM follow_ups f JOIN sessions s ON s.id = f.session_id
         WHERE f.done_at IS NULL AND f.deleted_at IS NULL ORDER BY f.due_date LIMIT 200`,
      )
      .all() as Listed[];
    return rows.map((row) => this.#view(row));
  }

  /**
   * Inside the session's transaction: creates, changes or removes the session's open task. Its
   * audit entry is the session's (the session's trail shows the follow-up it asked for).
   */
  sync(sessionId: string, wanted: { dueDate: string; reason: string } | null): void {
    const db = this.#context.db();
    const current = db
      .prepare('SELECT * FROM follow_ups WHERE session_id = ? AND done_at IS NULL AND deleted_at IS NULL')
      .get(sessionId) as FollowUpRow | undefined;
    const audit = { auditedWith: 'session' } as const;
    if (!current && wanted) {
      const id = uuidv7(this.#context.now().getTime());
      writeVersion(this.#context, FOLLOW_UP, {
        id,
        version: 1,
        mode: 'insert',
        payload: { id, sessionId, ...wanted, done: false },
        local: { session_id: sessionId, created_at: this.#context.now().toISOString() },
        audit,
      });
      return;
    }
    if (!current) return;
    const version = current.version + 1;
    if (!wanted) {
      const at = this.#context.now().toISOString();
      writeVersion(this.#context, FOLLOW_UP, {
        id: current.id,
        version,
        mode: 'update',
        op: 'delete',
        payload: { id: current.id, deletedAt: at },
        audit,
      });
      return;
    }
    const reason = openFollowUpReason(this.#context.cipher(), current.id, current.reason_enc);
    if (reason === wanted.reason && current.due_date === wanted.dueDate) return;
    writeVersion(this.#context, FOLLOW_UP, {
      id: current.id,
      version,
      mode: 'update',
      payload: { id: current.id, sessionId, ...wanted, done: false },
      audit,
    });
  }

  /** Marks a task done (`actorId`: who did it, for the audit trail). */
  done(id: string, actorId: string): void {
    const db = this.#context.db();
    const row = findRow(db, FOLLOW_UP, id);
    if (!row || row.deleted_at) throw refuse('NOT_FOUND', 'notFound', 'No such follow-up');
    if (row.done_at) return;
    const at = this.#context.now().toISOString();
    db.transaction(() => {
      writeVersion(this.#context, FOLLOW_UP, {
        id,
        version: row.version + 1,
        mode: 'update',
        payload: { id, sessionId: row.session_id, dueDate: row.due_date, done: true, doneAt: at },
        audit: { action: 'edit', operatorId: actorId, changes: { done: [false, true] } },
      });
    })();
  }

  #view(row: Listed): FollowUp {
    const citizen = row.citizen_id ? this.#citizens.row(row.citizen_id) : null;
    return {
      id: row.id,
      sessionId: row.session_id,
      citizenName: citizen ? this.#citizens.displayName(citizen) : null,
      dueDate: row.due_date,
      reason: openFollowUpReason(this.#context.cipher(), row.id, row.reason_enc),
      done: row.done_at !== null,
    };
  }
}
