/**
 * People's dates, times and numbers in their language, through the platform's Intl: the one home
 * for them in the app and in the PDFs it makes. Stored values stay ISO (yyyy-mm-dd, timestamps);
 * only what people read goes through here.
 */

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Italian writes the first of the month as an ordinal ("1° dicembre 2026"), which Intl does not:
 * the day part is given its degree sign in the long forms.
 */
const withItalianFirst = (format: Intl.DateTimeFormat, language: string, at: Date): string => {
  const parts = format.formatToParts(at);
  const first =
    language.toLowerCase().startsWith('it') && parts.some((part) => part.type === 'month' && /\D/.test(part.value));
  return parts.map((part) => (first && part.type === 'day' && part.value === '1' ? '1°' : part.value)).join('');
};

/**
 * A calendar day (yyyy-mm-dd) or the day of a timestamp as people read it in their language
 * ("30 novembre 2026", "1° dicembre 2026"). A bare day is read at noon UTC and printed in UTC, so
 * no time zone can move it to the day before.
 */
export const formatDay = (day: string, language: string, style: 'long' | 'short' | 'full' = 'long'): string => {
  const bare = BARE_DAY.test(day);
  const at = bare ? new Date(`${day}T12:00:00Z`) : new Date(day);
  if (Number.isNaN(at.getTime())) return day;
  const format = new Intl.DateTimeFormat(language, { dateStyle: style, ...(bare ? { timeZone: 'UTC' } : {}) });
  return withItalianFirst(format, language, at);
};

/**
 * A month (yyyy-mm) as people read it in their language ("dicembre 2026"; short: "dic 26", for a
 * chart's axis), read mid-month in UTC.
 */
export const formatMonth = (month: string, language: string, style: 'long' | 'short' = 'long'): string =>
  new Intl.DateTimeFormat(language, {
    month: style,
    year: style === 'long' ? 'numeric' : '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));

/** A moment (a timestamp) with its time where the person is ("1° dicembre 2026 alle ore 14:05"). */
export const formatMoment = (at: string, language: string, style: 'long' | 'short' = 'long'): string => {
  const moment = new Date(at);
  if (Number.isNaN(moment.getTime())) return at;
  return withItalianFirst(
    new Intl.DateTimeFormat(language, { dateStyle: style, timeStyle: 'short' }),
    language,
    moment,
  );
};

/** The time of a moment where the person is ("14:05"). */
export const formatTime = (at: string, language: string): string => {
  const moment = new Date(at);
  return Number.isNaN(moment.getTime()) ? at : new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(moment);
};

/**
 * A number as people read it in their language ("1.000" in Italian, "1,000" in English). Grouped
 * from four digits on: Italian's own rule starts at five ("1000"), next to "12.000" in a column.
 */
export const formatNumber = (value: number, language: string, options: Intl.NumberFormatOptions = {}): string =>
  new Intl.NumberFormat(language, { useGrouping: 'always', ...options }).format(value);

/**
 * The calendar day (yyyy-mm-dd) of a moment where the desk is, not in UTC: at 00:30 in Rome,
 * `toISOString().slice(0, 10)` still says yesterday. Facilita's SE1 is the day the citizen was
 * helped here.
 */
export const localDate = (at: Date = new Date()): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};
