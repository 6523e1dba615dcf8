/**
 * Calendar days in the person's language, through the platform's Intl: "1 dicembre 2026",
 * "December 1, 2026". A day (`yyyy-mm-dd`) is read at noon UTC and shown in UTC, so no time zone
 * can move it to the day before.
 */
export const formatDay = (isoDate: string, language: string, style: 'long' | 'short' = 'long'): string => {
  const day = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    ...(style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { dateStyle: 'short' }),
  }).format(day);
};
