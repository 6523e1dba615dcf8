import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import { describeError, fieldMessages } from '../../app/errors.ts';
import { formatTime } from '../../../../shared/i18n/format-day.ts';
import { i18n } from '../../i18n/index.ts';

/**
 * The journal's error sentences: by `details.reason` when the core gave one (wrong PIN, duplicate,
 * role…), otherwise the shared sentence for the code.
 */
export const journalError = (t: TFunction, error: AppError): string => {
  const reason = typeof error.details?.['reason'] === 'string' ? error.details['reason'] : null;
  if (reason && t(`journal:reasons.${reason}`, { defaultValue: '' })) {
    const until = typeof error.details?.['until'] === 'string' ? formatTime(error.details['until'], i18n.language) : '';
    return t(`journal:reasons.${reason}`, { attemptsLeft: error.details?.['attemptsLeft'], until });
  }
  return describeError(t, error);
};

/**
 * Per-field messages: the journal's own for its codes (codice fiscale, dates, durations…),
 * then `journal:fieldErrors.<field>.<code>`, then the shared generic ones.
 */
export const journalFieldMessages = (t: TFunction, error: AppError): Record<string, string> => {
  const messages = fieldMessages(t, error);
  const seen = new Set<string>();
  for (const issue of error.details?.issues ?? []) {
    // The first problem of a field is the one to fix first.
    if (seen.has(issue.path)) continue;
    seen.add(issue.path);
    const field = issue.path.split('.')[0] ?? '';
    // Most precise first: the rule broken, the rule on this field, then what to do in this field.
    const bounds = { minimum: issue.minimum, maximum: issue.maximum };
    const specific =
      t(`journal:fieldErrors.${issue.code}`, { defaultValue: '' }) ||
      t(`journal:fieldErrors.${field}_${issue.code}`, { defaultValue: '' }) ||
      t(`journal:fieldHints.${field}`, { defaultValue: '', ...bounds });
    if (specific) messages[issue.path] = specific;
    // Nested paths (serviceAreas.0) are shown on their field.
    if (issue.path.includes('.') && messages[issue.path]) messages[field] ??= messages[issue.path] as string;
  }
  return messages;
};
