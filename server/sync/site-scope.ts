import type { Decision } from './decide.ts';

/**
 * The records a site's own desks write: a desk creates and changes its own site's sessions,
 * follow-ups, workshops and participants, and never another site's (a token enrolled at the
 * library cannot delete the town hall's session). Citizens, operators and the site itself are the
 * organisation's, written under their own rules.
 */
export const SITE_OWNED_ENTITIES: ReadonlySet<string> = new Set(['session', 'followUp', 'workshop', 'participant']);

export const belongsToAnotherSite = (entity: string, recordSite: string | null, deviceSite: string): boolean =>
  SITE_OWNED_ENTITIES.has(entity) && recordSite !== null && recordSite !== deviceSite;

/** Refused, stored nowhere, and shown on the desk as a rejected change with this reason. */
export const OTHER_SITE: Decision = {
  outcome: 'rejected',
  reason: {
    code: 'FORBIDDEN',
    message: "This record belongs to another site: a desk changes only its own site's records",
  },
};
