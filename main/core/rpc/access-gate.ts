import { levelOf, namesOwnView, ROLES_OF_LEVEL, type Access } from '../../../shared/contract/access.ts';
import type { SignedIn } from '../../../shared/domain/journal/operators.ts';
import { AppFailure } from './app-failure.ts';
import type { Caller } from './caller.ts';

/** What the gate needs to know of the desk: who is signed in, and whether it is set up yet. */
export interface DeskState {
  /** The operator acting now, counted as activity; throws LOCKED when nobody is (or the desk idled). */
  requireSignedIn(): SignedIn;
  /** Work on the citizen view (a guide followed with the operator) counts as the desk's activity. */
  noteActivity(): void;
  isSetUp(): boolean;
}

/** What a handler learns of who called: the operator, or null for the public levels and the citizen view. */
export interface Admitted {
  actor: SignedIn | null;
}

export type AccessGate = (access: Access, caller: Caller, rawInput: unknown) => Admitted;

const PUBLIC: Admitted = { actor: null };

/**
 * Enforces each method's declared access (shared/contract/access.ts), before its input is parsed:
 * LOCKED when the level needs someone signed in and nobody is, FORBIDDEN for a role below it,
 * FORBIDDEN for a citizen view asking for anything but its own run's or questionnaire's methods.
 */
export const createAccessGate =
  (desk: DeskState): AccessGate =>
  (access, caller, rawInput) => {
    const level = levelOf(access);
    if (caller.kind === 'citizen') {
      if (level === 'public') return PUBLIC;
      // Read before parsing: the raw input must name the caller's own run or questionnaire.
      const own =
        typeof access === 'object' && access.citizen === caller.view && namesOwnView(caller.view, caller.id, rawInput);
      if (own) {
        desk.noteActivity();
        return PUBLIC;
      }
      throw new AppFailure('FORBIDDEN', 'The citizen view may use only its own run or questionnaire', {
        reason: 'citizenView',
      });
    }
    if (level === 'public' || level === 'desk') return PUBLIC;
    if (level === 'coordinatorOnceSetUp' && !desk.isSetUp()) return PUBLIC;
    const actor = desk.requireSignedIn();
    if (!ROLES_OF_LEVEL[level].includes(actor.role)) {
      throw new AppFailure('FORBIDDEN', `The role ${actor.role} may not use a method for ${level}`, {
        reason: level === 'staff' ? 'staffOnly' : 'role',
        level,
      });
    }
    return { actor };
  };
