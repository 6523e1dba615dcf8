import { useTranslation } from 'react-i18next';
import { formatDay, formatMonth } from '../../shared/i18n/format-day.ts';

/** Dates and times as people read them in the console's language (Intl). */
export const useFormat = () => {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const number = new Intl.NumberFormat(locale);
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    number: (value: number) => number.format(value),
    /** A calendar day (yyyy-mm-dd) as the desk writes it: "30 novembre 2026". */
    day: (day: string) => formatDay(day, i18n.language),
    month: (month: string) => formatMonth(month, i18n.language),
  };
};
