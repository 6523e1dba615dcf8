import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/contract/result.ts';
import { describeError } from '../../app/errors.ts';

/** The export's sentence for a failure: by `details.reason` when we have one, otherwise the code's. */
export const describeFacilitaError = (t: TFunction, failure: AppError): string => {
  const reason = failure.details?.['reason'];
  return typeof reason === 'string' && t(`facilita:failure.${reason}`, { defaultValue: '' })
    ? t(`facilita:failure.${reason}`)
    : describeError(t, failure);
};
