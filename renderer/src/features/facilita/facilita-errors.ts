import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import { describeError, fieldMessages } from '../../app/errors.ts';

/**
 * The export's sentence for a failure: by `details.reason` when we have one, then the first field's
 * message (a discard report that is not Facilita's), otherwise the code's.
 */
export const describeFacilitaError = (t: TFunction, failure: AppError): string => {
  const reason = failure.details?.['reason'];
  if (typeof reason === 'string' && t(`facilita:failure.${reason}`, { defaultValue: '' }))
    return t(`facilita:failure.${reason}`);
  return Object.values(fieldMessages(t, failure))[0] ?? describeError(t, failure);
};
