import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import { describeError } from './errors.ts';
import type { Load } from './use-load.ts';

type Shown = Pick<Load<unknown>, 'value' | 'loading' | 'error'>;

/**
 * Where a screen shows its load (or loads): "Loading…" until the first answer, the failure's
 * translated sentence (by the feature's describer: reasons first, then the code) when one failed.
 */
export const LoadState = ({
  load,
  describe = describeError,
}: {
  load: Shown | readonly Shown[];
  describe?: (t: TFunction, error: AppError) => string;
}) => {
  const { t } = useTranslation();
  const loads: readonly Shown[] = Array.isArray(load) ? load : [load as Shown];
  const failed = loads.find((each) => each.error)?.error;
  if (failed) return <Alert severity="error">{describe(t, failed)}</Alert>;
  if (loads.some((each) => each.loading && each.value === null)) {
    return <Typography role="status">{t('loading')}</Typography>;
  }
  return null;
};
