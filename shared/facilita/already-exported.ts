import type { TFunction } from 'i18next';
import { formatDay } from '../i18n/format-day.ts';

/**
 * An earlier export that holds services a new export leaves out: who made it — the hub (`by`: the
 * name typed there), another desk (`by`: its name), or this desk (`by`: the operator's name) —
 * and when.
 */
export interface EarlierExport {
  origin: 'hub' | 'desk' | 'here';
  at: string;
  by: string | null;
  /** How many of the left-out services it holds. */
  services: number;
}

/** "dall'hub (Giulia Rossi)", "dallo sportello «Sportello 2»", "da Anna Bianchi". */
export const exportedByPhrase = (t: TFunction, earlier: Pick<EarlierExport, 'origin' | 'by'>): string => {
  if (earlier.origin === 'hub')
    return earlier.by ? t('facilita:exportedBy.hubNamed', { name: earlier.by }) : t('facilita:exportedBy.hub');
  if (earlier.origin === 'desk') return t('facilita:exportedBy.desk', { name: earlier.by ?? '' });
  return earlier.by ? t('facilita:exportedBy.operator', { name: earlier.by }) : t('facilita:exportedBy.here');
};

/**
 * Why an export had nothing new: "13 servizi già esportati il 1° dicembre 2026 dall'hub (…): includerli
 * di nuovo?". `skipped` counts every left-out service; the sentence names the export holding most.
 */
export const alreadyExportedSentence = (
  t: TFunction,
  language: string,
  skipped: number,
  earlier: EarlierExport | null,
): string =>
  t('facilita:alreadyExported', {
    count: skipped,
    date: earlier ? formatDay(earlier.at, language) : '',
    by: earlier ? exportedByPhrase(t, earlier) : '',
  });

/** The export holding the most of the left-out services (the latest among equals). */
export const mainEarlierExport = (earlier: readonly EarlierExport[]): EarlierExport | null =>
  [...earlier].sort((a, b) => b.services - a.services || b.at.localeCompare(a.at))[0] ?? null;
