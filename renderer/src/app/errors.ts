import type { TFunction } from 'i18next';
import type { AppError, FieldIssue } from '../../../shared/contract/result.ts';

/**
 * The translated sentence for an error: why the caller was refused (signed out, role… in
 * `errors:access`) or why nothing answered (`errors:stopped`) when that is the reason, else the
 * code's; the technical message never reaches the person.
 */
export const describeError = (t: TFunction, error: AppError): string => {
  const reason = error.details?.['reason'];
  const why =
    typeof reason === 'string'
      ? t(`errors:access.${reason}`, { defaultValue: '' }) || t(`errors:stopped.${reason}`, { defaultValue: '' })
      : '';
  return why || t(`errors:code.${error.code}`);
};

/** Translated messages per field path, for showing next to the field. */
export const fieldMessages = (t: TFunction, error: AppError): Record<string, string> => {
  const messages: Record<string, string> = {};
  for (const issue of error.details?.issues ?? ([] as FieldIssue[])) {
    messages[issue.path] = t(`errors:field.${issue.code}`, {
      defaultValue: t('errors:field.custom'),
      minimum: issue.minimum,
      maximum: issue.maximum,
    });
  }
  return messages;
};
