import type { Site } from '../../../../shared/domain/journal/operators.ts';
import { SE3_SERVICE_TYPE, SE6_SERVICE_AREAS } from '../../../../shared/facilita/codes.ts';
import { addDays, invalid } from '../journal-context.ts';

/**
 * SE1 rules: not in the future, not older than the backdating window (new dates only), inside
 * the project's dates. Facilita's upload cut-off is an upload rule, never a reason to refuse a
 * service: the export holds rows after it until Facilita moves it.
 */
export const checkServiceDate = (
  site: Site,
  date: string,
  today: string,
  options: { checkBackdating: boolean; path?: string },
): void => {
  const path = options.path ?? 'date';
  if (date > today) throw invalid(path, 'future_date', 'The date is in the future');
  if (options.checkBackdating && date < addDays(today, -site.backdateDays)) {
    throw invalid(path, 'too_old', `Backdating is limited to ${site.backdateDays} days`);
  }
  if (date < site.projectStart || date > site.projectEnd) {
    throw invalid(path, 'outside_project', 'The date is outside the project dates');
  }
};

/** Codes in Facilita's table order, so equal sets compare equal (the duplicate rule). */
const orderOf = (table: readonly string[]) => (a: string, b: string) => table.indexOf(a) - table.indexOf(b);
export const canonicalTypes = (codes: readonly string[]) => [...new Set(codes)].sort(orderOf(SE3_SERVICE_TYPE));
export const canonicalAreas = (codes: readonly string[]) => [...new Set(codes)].sort(orderOf(SE6_SERVICE_AREAS));
export const canonicalCompetences = (codes: readonly number[]) => [...new Set(codes)].sort((a, b) => a - b);
