import type { Draft } from '../../../../shared/domain/journal/sessions.ts';
import type { SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import type { JournalContext } from '../journal-context.ts';

const formContext = (id: string) => `drafts.form:${id}`;

/**
 * Session forms saved as they are typed (encrypted: they hold names and notes). Each save is its
 * own committed transaction with synchronous=FULL, so a crash loses at most the last keystrokes.
 */
export class DraftStore {
  readonly #context: JournalContext;

  constructor(context: JournalContext) {
    this.#context = context;
  }

  save(id: string | null, form: Record<string, unknown>, actor: SignedIn): string {
    const at = this.#context.now().toISOString();
    const draftId = id ?? uuidv7(this.#context.now().getTime());
    this.#context
      .db()
      .prepare(
        `INSERT INTO drafts (id, operator_id, form_enc, started_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET form_enc = excluded.form_enc, updated_at = excluded.updated_at`,
      )
      .run(draftId, actor.id, this.#context.cipher().encryptJson(form, formContext(draftId)), at, at);
    return draftId;
  }

  /** Every draft on this desk, newest first: after a crash whoever signs in is offered them. */
  list(): Draft[] {
    const rows = this.#context
      .db()
      .prepare(
        `SELECT d.*, o.name AS operator_name FROM drafts d JOIN operators o ON o.id = d.operator_id
         ORDER BY d.updated_at DESC LIMIT 20`,
      )
      .all() as {
      id: string;
      operator_id: string;
      operator_name: string;
      form_enc: string;
      started_at: string;
      updated_at: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      operatorId: row.operator_id,
      operatorName: row.operator_name,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
      form: this.#context.cipher().decryptJson<Record<string, unknown>>(row.form_enc, formContext(row.id)),
    }));
  }

  discard(id: string): void {
    this.#context.db().prepare('DELETE FROM drafts WHERE id = ?').run(id);
  }
}
