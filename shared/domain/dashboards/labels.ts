import type { TFunction } from 'i18next';
import type { DashboardColumn, DashboardTableId } from './dashboard-options.ts';
import { UNKNOWN_KEY } from './dashboard-options.ts';
import { formatMonth } from '../../i18n/format-day.ts';

/** Where each table's keys are named: the journal's code tables, or the dashboards' own. */
const KEY_LABELS: Partial<Record<DashboardTableId, string>> = {
  serviceAreas: 'journal:codes.se6',
  competences: 'journal:codes.se5',
  ageBands: 'journal:codes.ageBand',
  education: 'journal:codes.education',
  occupation: 'journal:codes.occupation',
  citizenship: 'journal:codes.citizenship',
  outcomes: 'journal:outcomes',
  gender: 'dashboards:gender',
  autonomy: 'dashboards:visit',
};

/**
 * A row's name for people (UI, XLSX, PDF alike): its label, its code's name, or the key itself;
 * given the language, a month (yyyy-mm) is named as people read it ("dicembre 2026").
 */
export const rowLabel = (
  t: TFunction,
  table: DashboardTableId,
  row: { key: string; label?: string },
  language?: string,
): string => {
  if (row.key === UNKNOWN_KEY) return t('dashboards:unknown');
  if (row.label) return row.label;
  if (table === 'monthly' && language && /^\d{4}-\d{2}$/.test(row.key)) return formatMonth(row.key, language);
  const prefix = KEY_LABELS[table];
  if (!prefix) return row.key;
  const name = t(`${prefix}.${row.key}`, { defaultValue: row.key });
  return table === 'competences' || table === 'serviceAreas' ? `${row.key} – ${name}` : name;
};

export const tableTitle = (t: TFunction, table: DashboardTableId): string => t(`dashboards:tables.${table}`);
export const columnTitle = (t: TFunction, column: DashboardColumn): string => t(`dashboards:columns.${column}`);
export const keyTitle = (t: TFunction, table: DashboardTableId): string => t(`dashboards:keys.${table}`);

/**
 * The dashboards' separate figure, in words (screen and PDF alike): how many of the period's
 * services will never reach Facilita, and why, beside the totals that count every service given.
 */
export const notReportableSummary = (
  t: TFunction,
  totals: { services: number },
  notReportable: { services: number; reasons: readonly { reason: string; services: number }[] },
): string =>
  notReportable.services === 0
    ? t('dashboards:notReportable.none')
    : t('dashboards:notReportable.summary', {
        count: notReportable.services,
        reportable: totals.services - notReportable.services,
        reasons: notReportable.reasons
          .map(({ reason, services }) =>
            t('dashboards:notReportable.reason', {
              reason: t(`facilita:notReportableReason.${reason}`).toLowerCase(),
              count: services,
            }),
          )
          .join(', '),
      });
