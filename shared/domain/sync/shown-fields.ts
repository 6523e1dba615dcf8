/*
 * Which fields of a synced record a person sees when two versions conflict. A secret (an
 * operator's PIN or password hash) never leaves the core towards the screen; nor do the record's
 * own id and version, which say nothing to a person (the card names the record and its versions).
 */
const RECORD_META = new Set(['id', 'version']);
const SECRET_FIELD = /secret.*hash|hash$|token|password/i;

export const isShownField = (field: string): boolean => !RECORD_META.has(field) && !SECRET_FIELD.test(field);

/** The payload without what is never shown. */
export const shownPayload = (payload: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(payload).filter(([field]) => isShownField(field)));
