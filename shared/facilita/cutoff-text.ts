import type { TFunction } from 'i18next';
import type { CutoffInForce } from '../domain/facilita-export/facilita-export.ts';
import { formatDay } from '../i18n/format-day.ts';

/**
 * The cut-off an export applied and where it came from, in words: the one sentence the export
 * screen, the archive PDF and the hub's files all state (null: Servizio Civile, which has none).
 */
export const cutoffText = (t: TFunction, cutoff: CutoffInForce | null, language: string): string => {
  if (cutoff === null) return t('facilita:archive.noCutoff');
  const date = formatDay(cutoff.date, language);
  const { origin } = cutoff;
  if (origin.kind === 'coordinator')
    return t('facilita:cutoff.setBy', { date, on: formatDay(origin.on, language), by: origin.by });
  return t(origin.kind === 'hub' ? 'facilita:cutoff.hub' : 'facilita:cutoff.default', { date });
};
