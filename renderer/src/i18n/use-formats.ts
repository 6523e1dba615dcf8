import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMoment, formatMonth, formatNumber, formatTime } from '../../../shared/i18n/format-day.ts';

/** shared/i18n/format-day.ts bound to the UI's language: what every screen shows dates and numbers with. */
export const useFormats = () => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      day: (day: string, style?: 'long' | 'short' | 'full') => formatDay(day, language, style),
      month: (month: string, style?: 'long' | 'short') => formatMonth(month, language, style),
      moment: (at: string, style?: 'long' | 'short') => formatMoment(at, language, style),
      time: (at: string) => formatTime(at, language),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
    }),
    [language],
  );
};
