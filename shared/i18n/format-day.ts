/**
 * A calendar day (yyyy-mm-dd) or the day of a timestamp as people read it in their language
 * ("30 novembre 2026"), the same in the app and in the PDFs it makes. A bare day is read at noon
 * UTC and printed in UTC, so no time zone can move it to the day before.
 */
export const formatDay = (day: string, language: string, style: 'long' | 'short' = 'long'): string => {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T12:00:00Z`) : new Date(day);
  if (Number.isNaN(at.getTime())) return day;
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(day) ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(language, { dateStyle: style, ...(timeZone ? { timeZone } : {}) }).format(at);
};

/** A month (yyyy-mm) as people read it in their language ("dicembre 2026"), read mid-month in UTC. */
export const formatMonth = (month: string, language: string): string =>
  new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

/**
 * The calendar day (yyyy-mm-dd) of a moment where the person is, not in UTC: at 00:30 in Rome,
 * `toISOString().slice(0, 10)` still says yesterday.
 */
export const localDay = (at: Date = new Date()): string =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
