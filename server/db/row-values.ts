/** Reading a database row's loosely typed values into the API's shapes (PGlite and pg return them alike). */

/** A timestamp column as ISO text; null stays null. */
export const isoOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

/** A nullable text column; null stays null. */
export const textOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
