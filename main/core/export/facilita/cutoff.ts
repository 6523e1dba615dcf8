import type { AuditEntry } from '../../../../shared/domain/journal/sessions.ts';
import type { CutoffOrigin, ExportRules } from './record.ts';

/**
 * Facilita moves its upload cut-off once a month, a day or two before the month ends. Until the
 * coordinator enters the one Facilita shows, the safe guess is the last day of the previous month
 * on the desk's own calendar (`today` is the desk's local date).
 */
export const defaultCutoff = (today: string): string => {
  const [year, month] = today.split('-').map(Number);
  const lastOfPrevious = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 0));
  return lastOfPrevious.toISOString().slice(0, 10);
};

/**
 * The cut-off in force and where it came from: the site's setting (with who set it and when, read
 * from the site's audit trail), or the default.
 */
export const cutoffInForce = (
  setting: string | null,
  today: string,
  siteHistory: readonly AuditEntry[] = [],
): { cutoff: string; origin: CutoffOrigin } => {
  if (setting === null) return { cutoff: defaultCutoff(today), origin: { kind: 'default' } };
  const setBy = [...siteHistory]
    .reverse()
    .find((entry) => entry.action === 'create' || Object.hasOwn(entry.changes, 'cutoffDate'));
  return {
    cutoff: setting,
    origin: { kind: 'coordinator', on: setBy?.at ?? today, by: setBy?.operatorName ?? '' },
  };
};

export interface CutoffInForce {
  date: string;
  origin: NonNullable<ExportRules['cutoffOrigin']>;
}

/** The cut-off the rules apply, or null for Servizio Civile (its Excel has none). */
export const cutoffOf = (rules: ExportRules): CutoffInForce | null =>
  rules.measure === '1.7.1' ? null : { date: rules.cutoff, origin: rules.cutoffOrigin ?? { kind: 'default' } };
