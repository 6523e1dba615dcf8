import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import { describeError } from '../../app/errors.ts';

/**
 * The guides core says why a request failed in `details.reason` (unknownStep, wrongState…):
 * show that sentence when we have one, otherwise the generic sentence for the error code.
 */
export const describeGuideError = (t: TFunction, error: AppError): string => {
  const reason = error.details?.['reason'];
  if (typeof reason === 'string') {
    const key = `guides:errors.${reason}`;
    if (t(key, { defaultValue: '' }) !== '') return t(key);
  }
  return describeError(t, error);
};
