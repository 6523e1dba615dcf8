/**
 * Which fields of a synced record a person sees when two versions conflict. A secret (an
 * operator's PIN or password hash) never leaves the core towards the screen; nor does the
 * record's own id, which says nothing to a person (the card names the record instead).
 */
const SECRET_FIELD = /secret.*hash|hash$|token|password/i;

export const isShownField = (field: string): boolean => field !== 'id' && !SECRET_FIELD.test(field);

/** The payload without what is never shown. */
export const shownPayload = (payload: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(payload).filter(([field]) => isShownField(field)));
