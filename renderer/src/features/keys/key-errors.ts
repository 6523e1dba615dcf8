import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import { fieldMessages } from '../../app/errors.ts';

/** The message for a key field: the key's own words (malformed, wrong key, wrong part), else the general field text. */
export const keyFieldMessage = (t: TFunction, error: AppError, path: string): string | undefined => {
  const issue = error.details?.issues?.find((candidate) => candidate.path === path);
  if (!issue) return undefined;
  return t(`keys:fieldErrors.${issue.code}`, { defaultValue: '' }) || fieldMessages(t, error)[path];
};
