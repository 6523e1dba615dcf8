import { ROLES, type Role } from '../domain/journal/options.ts';

/**
 * Who may call a method, declared by each method next to its schemas (`defineMethod`) and
 * enforced once, by the dispatcher, before the input is even parsed (main/core/rpc/README.md).
 *
 * - `public`: anyone, the citizen view included (app info and health, settings read, guide images).
 * - `desk`: the desk's own window with nobody signed in (sign-in and set-up, settings, database
 *   recovery, the guide catalogue, sync status); never the citizen view.
 * - `citizen`: the citizen view of one run or one questionnaire, and any signed-in operator.
 * - `operator`: a signed-in operator, any role.
 * - `staff`: a signed-in operator who is not a volunteer (workshops, sync conflicts).
 * - `coordinator`: the desk's coordinator (operators, site, deletes, rights, Facilita, targets).
 * - `coordinatorOnceSetUp`: anyone at the desk before set-up (IT staff connect it to the hub
 *   first), a coordinator afterwards.
 */
export const ACCESS_LEVELS = [
  'public',
  'desk',
  'citizen',
  'operator',
  'staff',
  'coordinator',
  'coordinatorOnceSetUp',
] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * Why a call was refused for who made it, in `details.reason` (LOCKED: signedOut, idle; FORBIDDEN:
 * the others); every one has a sentence in `errors:access` (shared/locales/<lng>/errors.json).
 */
export const ACCESS_REFUSALS = ['signedOut', 'idle', 'role', 'staffOnly', 'citizenView'] as const;
export type AccessRefusal = (typeof ACCESS_REFUSALS)[number];

/** The citizen view of a guide run names it by `runId`; the questionnaire's view by `id`. */
export const CITIZEN_VIEWS = { run: 'runId', questionnaire: 'id' } as const;
export type CitizenView = keyof typeof CITIZEN_VIEWS;

/** Does a call's raw input name the citizen view's own run or questionnaire (by `runId` or `id`)? */
export const namesOwnView = (view: CitizenView, id: string, rawInput: unknown): boolean =>
  typeof rawInput === 'object' &&
  rawInput !== null &&
  (rawInput as Record<string, unknown>)[CITIZEN_VIEWS[view]] === id;

/** Which core events the citizen view of `id` receives: its own run's or questionnaire's changes, and settings. */
export const citizenViewReceives = (view: CitizenView, id: string, event: string, payload: unknown): boolean => {
  if (event === 'settings.changed') return true;
  const subject = payload as Record<string, unknown> | null;
  const own = { run: 'guides.run.changed', questionnaire: 'questionnaire.changed' }[view];
  return event === own && subject?.[CITIZEN_VIEWS[view]] === id;
};

/** A method's declared access: a level, or for a citizen method which view (and input field) is its own. */
export type Access = Exclude<AccessLevel, 'citizen'> | { citizen: CitizenView };

export const levelOf = (access: Access): AccessLevel => (typeof access === 'string' ? access : 'citizen');

/** The roles a signed-in level admits; public and desk need nobody signed in. */
export const ROLES_OF_LEVEL: Record<Exclude<AccessLevel, 'public' | 'desk'>, readonly Role[]> = {
  citizen: ROLES,
  operator: ROLES,
  staff: ['facilitator', 'trainer', 'coordinator'],
  coordinator: ['coordinator'],
  coordinatorOnceSetUp: ['coordinator'],
};

/** May the desk's window, with `role` signed in (null: nobody), use something at `level`? */
export const mayUse = (level: AccessLevel, role: Role | null, setUp = true): boolean => {
  if (level === 'public' || level === 'desk') return true;
  if (level === 'coordinatorOnceSetUp' && !setUp) return true;
  return role !== null && ROLES_OF_LEVEL[level].includes(role);
};

/**
 * Whose sessions a role sees (data minimisation). Facilitators and the coordinator run the desk
 * together and follow a returning citizen whoever helped them last: they see every session.
 * Volunteers and trainers see their own sessions only: other operators' citizens are neither
 * listed nor opened. Workshops are the trainers' work: every trainer sees every workshop.
 */
export const SEES_OTHERS: Record<Role, { sessions: boolean; workshops: boolean }> = {
  facilitator: { sessions: true, workshops: true },
  coordinator: { sessions: true, workshops: true },
  trainer: { sessions: false, workshops: true },
  volunteer: { sessions: false, workshops: false },
};

/** The operator whose records of `kind` an actor is limited to, or null when they see the desk's. */
export const ownRecordsOnly = (actor: { id: string; role: Role }, kind: 'sessions' | 'workshops'): string | null =>
  SEES_OTHERS[actor.role][kind] ? null : actor.id;
