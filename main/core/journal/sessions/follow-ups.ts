import type { FollowUp } from '../../../../shared/domain/journal/sessions.ts';
import { uuidv7 } from '../../ids/uuid7.ts';
import { writeChange } from '../changes.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import { refuse, type JournalContext } from '../journal-context.ts';

interface FollowUpRow {
  id: string;
  version: number;
  session_id: string;
  due_date: string;
  reason_enc: string | null;
  done_at: string | null;
  citizen_id: string | null;
}

export const reasonContext = (id: string) => `follow_ups.reason:${id}`;

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
      .get(sessionId) as FollowUpRow | undefined;
    return row ? this.#view(row) : null;
  }

  /** Open tasks, earliest due first: of every session, or of one operator's (`onlyOf`). */
  open(onlyOf: string | null = null): FollowUp[] {
    const rows = this.#context
      .db()
      .prepare(
        `SELECT f.*, s.citizen_id FROM follow_ups f JOIN sessions s ON s.id = f.session_id
         WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND (? IS NULL OR s.operator_id = ?)
         ORDER BY f.due_date LIMIT 200`,
      )
      .all(onlyOf, onlyOf) as FollowUpRow[];
    return rows.map((row) => this.#view(row));
  }

  /** Inside the session's transaction: creates, changes or removes the session's open task. */
  sync(sessionId: string, wanted: { dueDate: string; reason: string } | null): void {
    const db = this.#context.db();
    const at = this.#context.now().toISOString();
    const current = db
      .prepare('SELECT * FROM follow_ups WHERE session_id = ? AND done_at IS NULL AND deleted_at IS NULL')
      .get(sessionId) as FollowUpRow | undefined;
    const cipher = this.#context.cipher();
    if (!current && wanted) {
      const id = uuidv7(this.#context.now().getTime());
      db.prepare(
        'INSERT INTO follow_ups (id, version, session_id, due_date, reason_enc, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?)',
      ).run(id, sessionId, wanted.dueDate, cipher.encrypt(wanted.reason, reasonContext(id)), at, at);
      writeChange(this.#context, 'followUp', id, 1, { id, sessionId, ...wanted, done: false });
      return;
    }
    if (!current) return;
    const version = current.version + 1;
    if (!wanted) {
      db.prepare('UPDATE follow_ups SET version = ?, deleted_at = ?, updated_at = ? WHERE id = ?').run(
        version,
        at,
        at,
        current.id,
      );
      writeChange(this.#context, 'followUp', current.id, version, { id: current.id, deletedAt: at }, 'delete');
      return;
    }
    const reason = current.reason_enc ? cipher.decrypt(current.reason_enc, reasonContext(current.id)) : '';
    if (reason === wanted.reason && current.due_date === wanted.dueDate) return;
    db.prepare('UPDATE follow_ups SET version = ?, due_date = ?, reason_enc = ?, updated_at = ? WHERE id = ?').run(
      version,
      wanted.dueDate,
      cipher.encrypt(wanted.reason, reasonContext(current.id)),
      at,
      current.id,
    );
    writeChange(this.#context, 'followUp', current.id, version, { id: current.id, sessionId, ...wanted, done: false });
  }

  done(id: string): void {
    const db = this.#context.db();
    const row = db.prepare('SELECT * FROM follow_ups WHERE id = ? AND deleted_at IS NULL').get(id) as
      FollowUpRow | undefined;
    if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such follow-up');
    if (row.done_at) return;
    const at = this.#context.now().toISOString();
    db.transaction(() => {
      db.prepare('UPDATE follow_ups SET version = ?, done_at = ?, updated_at = ? WHERE id = ?').run(
        row.version + 1,
        at,
        at,
        id,
      );
      writeChange(this.#context, 'followUp', id, row.version + 1, {
        id,
        sessionId: row.session_id,
        dueDate: row.due_date,
        done: true,
        doneAt: at,
      });
    })();
  }

  #view(row: FollowUpRow): FollowUp {
    const citizen = row.citizen_id ? this.#citizens.row(row.citizen_id) : null;
    return {
      id: row.id,
      sessionId: row.session_id,
      citizenName: citizen ? this.#citizens.displayName(citizen) : null,
      dueDate: row.due_date,
      reason: row.reason_enc ? this.#context.cipher().decrypt(row.reason_enc, reasonContext(row.id)) : '',
      done: row.done_at !== null,
    };
  }
}
