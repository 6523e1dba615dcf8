import type {
  OperatorCard,
  OperatorDetail,
  OperatorInput,
  OperatorUpdate,
  OwnSecretChange,
} from '../../../../shared/domain/journal/operators.ts';
import { LOCKOUT_MINUTES, MAX_SIGN_IN_FAILURES } from '../../../../shared/domain/journal/options.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { hashSecret, verifySecret } from '../auth/secrets.ts';
import { refuse, requireCodiceFiscale, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { OPERATOR, openFacilitaId, secretColumns, type OperatorRow } from '../records/operator.ts';
import { findRow } from '../records/record-kit.ts';

/** IDFacilitatore: the operator's codice fiscale (preferred) or the organisation's numeric id. */
const normaliseFacilitaId = (text: string): string =>
  /^\d{1,16}$/.test(text.trim()) ? text.trim() : requireCodiceFiscale(text, 'facilitaId').value;

export class OperatorStore {
  readonly #context: JournalContext;

  constructor(context: JournalContext) {
    this.#context = context;
  }

  count(): number {
    return this.#context.db().prepare('SELECT count(*) FROM operators').pluck().get() as number;
  }

  /** Operators who could sign in (a PIN or password is set). */
  countWithSecret(): number {
    return this.#context.db().prepare("SELECT count(*) FROM operators WHERE secret_hash <> ''").pluck().get() as number;
  }

  cards(): OperatorCard[] {
    const now = this.#context.now().toISOString();
    return this.#rows().map((row) => this.#card(row, now));
  }

  list(): OperatorDetail[] {
    const now = this.#context.now().toISOString();
    const cipher = this.#context.cipher();
    return this.#rows().map((row) => ({
      ...this.#card(row, now),
      version: row.version,
      facilitaId: openFacilitaId(cipher, row.id, row.facilita_id_enc),
      facilitaName: row.facilita_name,
    }));
  }

  get(id: string): OperatorRow {
    const row = findRow(this.#context.db(), OPERATOR, id);
    if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such operator');
    return row;
  }

  /** Hashing is slow by design, so it happens before the (synchronous) transaction. */
  async create(input: OperatorInput, actorId: string | null): Promise<{ id: string; version: number }> {
    const facilitaId = normaliseFacilitaId(input.facilitaId);
    const secretHash = await hashSecret(input.secret);
    const id = uuidv7(this.#context.now().getTime());
    const at = this.#context.now().toISOString();
    this.#context.db().transaction(() => {
      writeVersion(this.#context, OPERATOR, {
        id,
        version: 1,
        mode: 'insert',
        payload: {
          id,
          name: input.name,
          role: input.role,
          facilitaId,
          facilitaName: input.facilitaName,
          active: true,
        },
        local: { created_at: at, ...secretColumns(input.secretKind, secretHash) },
        audit: { action: 'create', operatorId: actorId ?? id },
      });
    })();
    return { id, version: 1 };
  }

  async update(input: OperatorUpdate, actorId: string): Promise<OperatorRow> {
    const current = this.get(input.id);
    if (current.version !== input.baseVersion) throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile');
    const facilitaId = normaliseFacilitaId(input.facilitaId);
    const secretHash = input.secret ? await hashSecret(input.secret) : current.secret_hash;
    const secretKind = input.secret && input.secretKind ? input.secretKind : current.secret_kind;
    if (
      current.role === 'coordinator' &&
      (input.role !== 'coordinator' || !input.active) &&
      this.#activeCoordinators() <= 1
    ) {
      throw refuse('CONFLICT', 'lastCoordinator', 'The desk needs at least one active coordinator');
    }
    // An operator the hub's roster brought in has no PIN yet: active, nobody could sign in as them.
    if (input.active && secretHash === '') {
      throw refuse('CONFLICT', 'secretRequired', 'Set a PIN or password before activating this operator');
    }
    const version = current.version + 1;
    this.#context.db().transaction(() => {
      writeVersion(this.#context, OPERATOR, {
        id: input.id,
        version,
        mode: 'update',
        payload: {
          id: input.id,
          name: input.name,
          role: input.role,
          facilitaId,
          facilitaName: input.facilitaName,
          active: input.active,
        },
        // A new secret starts with a clean slate of sign-in attempts.
        local: input.secret ? { ...secretColumns(secretKind, secretHash), failed_attempts: 0, locked_until: null } : {},
        audit: {
          action: 'edit',
          operatorId: actorId,
          changes: {
            ...(current.name !== input.name ? { name: [current.name, input.name] } : {}),
            ...(current.role !== input.role ? { role: [current.role, input.role] } : {}),
            ...(Boolean(current.active) !== input.active ? { active: [Boolean(current.active), input.active] } : {}),
            ...(input.secret ? { secret: ['•', '•'] } : {}),
          },
        },
      });
    })();
    return this.get(input.id);
  }

  /**
   * The operator's own new PIN or password. The current one is checked like a sign-in (wrong ones
   * count towards the lock-out), so an unlocked desk left alone does not let anyone change it.
   */
  async changeOwnSecret(operatorId: string, input: OwnSecretChange): Promise<void> {
    const current = await this.verify(operatorId, input.current);
    const secretHash = await hashSecret(input.secret);
    const version = current.version + 1;
    this.#context.db().transaction(() => {
      writeVersion(this.#context, OPERATOR, {
        id: operatorId,
        version,
        mode: 'update',
        payload: {
          id: operatorId,
          name: current.name,
          role: current.role,
          facilitaId: openFacilitaId(this.#context.cipher(), operatorId, current.facilita_id_enc),
          facilitaName: current.facilita_name,
          active: Boolean(current.active),
        },
        local: secretColumns(input.secretKind, secretHash),
        audit: { action: 'edit', operatorId, changes: { secret: ['•', '•'] } },
      });
    })();
  }

  /**
   * Checks a PIN or password. Five wrong ones in a row lock the operator out for a while; while
   * locked, even the right secret is refused (so guessing cannot continue in the background).
   */
  async verify(operatorId: string, secret: string): Promise<OperatorRow> {
    const row = this.get(operatorId);
    if (!row.active) throw refuse('FORBIDDEN', 'inactiveOperator', 'This operator is no longer active');
    const now = this.#context.now();
    if (row.locked_until && row.locked_until > now.toISOString()) {
      throw refuse('LOCKED', 'tooManyAttempts', 'Too many wrong attempts', { until: row.locked_until });
    }
    if (await verifySecret(secret, row.secret_hash)) {
      this.#context
        .db()
        .prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?')
        .run(row.id);
      return row;
    }
    const failures = (row.locked_until ? 0 : row.failed_attempts) + 1;
    if (failures >= MAX_SIGN_IN_FAILURES) {
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
      this.#context
        .db()
        .prepare('UPDATE operators SET failed_attempts = 0, locked_until = ? WHERE id = ?')
        .run(until, row.id);
      throw refuse('LOCKED', 'tooManyAttempts', 'Too many wrong attempts', { until });
    }
    this.#context
      .db()
      .prepare('UPDATE operators SET failed_attempts = ?, locked_until = NULL WHERE id = ?')
      .run(failures, row.id);
    throw refuse('UNAUTHORIZED', 'wrongSecret', 'Wrong PIN or password', {
      attemptsLeft: MAX_SIGN_IN_FAILURES - failures,
    });
  }

  #activeCoordinators(): number {
    return this.#context
      .db()
      .prepare("SELECT count(*) FROM operators WHERE role = 'coordinator' AND active = 1")
      .pluck()
      .get() as number;
  }

  #rows(): OperatorRow[] {
    return this.#context.db().prepare('SELECT * FROM operators ORDER BY active DESC, name').all() as OperatorRow[];
  }

  #card(row: OperatorRow, now: string): OperatorCard {
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      secretKind: row.secret_kind,
      active: Boolean(row.active),
      lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until : null,
    };
  }
}
