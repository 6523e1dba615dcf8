import type { SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { refuse } from '../journal-context.ts';

/**
 * Who is signed in at this desk, held in memory only: a restart or a crash always ends with the
 * desk locked. Every journal call counts as activity; a call after the idle time finds the desk
 * locked even if the window that should have locked it was closed.
 */
export class AuthState {
  #current: SignedIn | null = null;
  #lastActivity = 0;
  readonly #now: () => Date;
  readonly #idleMinutes: () => number;

  constructor(now: () => Date, idleMinutes: () => number) {
    this.#now = now;
    this.#idleMinutes = idleMinutes;
  }

  signIn(operator: SignedIn): void {
    this.#current = operator;
    this.#lastActivity = this.#now().getTime();
  }

  signOut(): void {
    this.#current = null;
  }

  /** The signed-in operator without refreshing activity (null when locked or idle too long). */
  peek(): SignedIn | null {
    if (this.#current && this.#now().getTime() - this.#lastActivity > this.#idleMinutes() * 60_000) {
      this.#current = null;
    }
    return this.#current;
  }

  /** The operator acting now; LOCKED when nobody is signed in or the desk was idle too long. */
  require(): SignedIn {
    const wasSignedIn = this.#current !== null;
    const current = this.peek();
    if (!current) {
      throw refuse('LOCKED', wasSignedIn ? 'idle' : 'signedOut', 'Sign in to use the journal');
    }
    this.#lastActivity = this.#now().getTime();
    return current;
  }

  /**
   * Work at the desk that is not a signed-in call — the citizen moving through a guide on the
   * citizen view — keeps the desk awake; it never unlocks a desk that has already locked.
   */
  noteActivity(): void {
    if (this.peek()) this.#lastActivity = this.#now().getTime();
  }

  /** After an operator's role or name changed (or they were deactivated). */
  refresh(operator: SignedIn & { active: boolean }): void {
    if (this.#current?.id !== operator.id) return;
    this.#current = operator.active ? { id: operator.id, name: operator.name, role: operator.role } : null;
  }
}
