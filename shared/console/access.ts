/**
 * Who may use which console route (zod-free, so the console's pages can hide what a role cannot
 * use with the very rule the hub enforces). Every route declares one access level
 * (server/console/routes.ts); the hub checks it once, before the handler runs.
 */
export const CONSOLE_ROLES = ['hubAdmin', 'referente', 'siteCoordinator'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/**
 * - `public`: nobody signed in (signing in).
 * - `signedIn`: any account (its own session, its own second factor).
 * - `hubAdmin`: the hub's admins only (organisations, for a consortium running many).
 * - `manage`: a hub admin, or the referente of the organisation the route touches.
 * - `read`: those who manage, and the coordinator of the site the route touches (read-only routes).
 */
export const CONSOLE_ACCESS = ['public', 'signedIn', 'hubAdmin', 'manage', 'read'] as const;
export type ConsoleAccess = (typeof CONSOLE_ACCESS)[number];

/** What a route touches: the organisation, and the site when there is one. */
export interface ConsoleScope {
  organisationId: string | null;
  siteId: string | null;
}

export interface ConsolePerson {
  role: ConsoleRole;
  organisationId: string | null;
  siteId: string | null;
}

/** May `person` (null: signed out) use a route at `access` that touches `scope`? */
export const mayUseConsole = (access: ConsoleAccess, person: ConsolePerson | null, scope: ConsoleScope): boolean => {
  if (access === 'public') return true;
  if (!person) return false;
  if (access === 'signedIn' || person.role === 'hubAdmin') return true;
  if (access === 'hubAdmin') return false;
  const ownOrganisation = scope.organisationId !== null && scope.organisationId === person.organisationId;
  if (person.role === 'referente') return ownOrganisation;
  return access === 'read' && ownOrganisation && scope.siteId !== null && scope.siteId === person.siteId;
};
