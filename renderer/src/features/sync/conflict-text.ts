import type { TFunction } from 'i18next';
import type { SyncProblem } from '../../../../shared/domain/sync/status.ts';
import { formatDay } from '../../../../shared/i18n/format-day.ts';

/** The translations a conflict's card reads: its own, and the journal's and dashboards' code labels. */
export const CONFLICT_NAMESPACES = ['sync', 'journal', 'dashboards'] as const;

/** The record as a person names it: "Assistenza del 1 dicembre 2026 — Rosa Esposito", never its id. */
export const recordTitle = (t: TFunction, language: string, problem: SyncProblem): string => {
  const { subject } = problem;
  return t(`sync:conflict.title.${subject.kind}`, {
    name: subject.name ?? t('sync:conflict.title.unknownName'),
    citizen: subject.citizen ?? t('sync:conflict.title.unknownCitizen'),
    date: subject.date ? formatDay(subject.date, language) : t('sync:conflict.title.unknownDate'),
    entity: problem.entity,
  });
};

/** A field's label in the desk's language (a field of a record kind this desk does not know keeps its name). */
export const fieldLabel = (t: TFunction, field: string): string =>
  t(`sync:conflict.fields.${field}`, { defaultValue: field });

/** Fields holding Facilita codes or the app's own choices, by the key of their labels. */
const CODE_LABELS: Readonly<Record<string, string>> = {
  serviceTypes: 'journal:codes.se3',
  competences: 'journal:codes.se5',
  serviceAreas: 'journal:codes.se6',
  education: 'journal:codes.education',
  occupation: 'journal:codes.occupation',
  citizenship: 'journal:codes.citizenship',
  consentMethod: 'journal:codes.consentMethod',
  outcome: 'journal:outcomes',
  role: 'journal:roles',
  gender: 'dashboards:gender',
  secretKind: 'sync:conflict.values.secretKind',
  state: 'sync:conflict.values.workshopState',
};
const DATE_FIELDS = new Set([
  'date',
  'dueDate',
  'consentDate',
  'cutoffDate',
  'projectStart',
  'projectEnd',
  'deletedAt',
  'erasedAt',
  'doneAt',
]);
/** Fields that point to another record: shown by its name (the core names the ones this desk holds). */
const LINK_FIELDS = new Set(['citizenId', 'operatorId', 'trainerId', 'workshopId', 'sessionId']);

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * A field's value as a person reads it: dates in their language, codes as their labels, yes/no,
 * linked records by name. A value the card has no rule for is shown as text.
 */
export const fieldValue = (
  t: TFunction,
  language: string,
  field: string,
  value: unknown,
  names: Readonly<Record<string, string>>,
): string => {
  if (isEmpty(value)) return t('sync:conflict.values.empty');
  if (typeof value === 'boolean') return t(value ? 'sync:conflict.values.yes' : 'sync:conflict.values.no');
  if (field === 'guideRunIds' && Array.isArray(value)) return t('sync:conflict.values.guides', { count: value.length });
  if (field === 'experience' && typeof value === 'object')
    return t('sync:conflict.values.answers', { count: Object.keys(value as object).length });
  if (LINK_FIELDS.has(field) && typeof value === 'string')
    return names[value] ?? t('sync:conflict.values.unknownRecord');
  const labels = CODE_LABELS[field];
  if (labels) {
    const codes = Array.isArray(value) ? value : [value];
    return codes.map((code) => t(`${labels}.${String(code)}`, { defaultValue: String(code) })).join(', ');
  }
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDay(value, language);
  // No grouping: the numbers here are years, days and minutes ("1950", never "1,950").
  if (typeof value === 'number') return new Intl.NumberFormat(language, { useGrouping: false }).format(value);
  if (Array.isArray(value)) return value.map((item) => fieldValue(t, language, field, item, names)).join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => !isEmpty(inner))
      .map(([key, inner]) => `${fieldLabel(t, key)}: ${fieldValue(t, language, key, inner, names)}`)
      .join(' · ');
  return String(value);
};
