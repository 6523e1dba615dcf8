import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import type { Loaded } from './use-load.ts';

/** The sentence for a failed request: the refusal's reason when the hub gave one. */
export const useRefusal = () => {
  const { t } = useTranslation();
  return (error: unknown) =>
    error instanceof ApiError && error.reason ? t(`refusal.${error.reason}`) : t('refusal.failed');
};

/** Loading, failed, or the page's content. */
export const PageState = <T,>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) => {
  const { t } = useTranslation();
  const refusal = useRefusal();
  if (loaded.state === 'loading') return <Typography role="status">{t('loading')}</Typography>;
  if (loaded.state === 'failed') return <Alert severity="error">{refusal(loaded.error)}</Alert>;
  return <>{children(loaded.data)}</>;
};

/** A live region that says what just happened (a screen reader hears it too). */
export const Notice = ({
  text,
  severity = 'success',
}: {
  text: string | null;
  severity?: 'success' | 'error' | 'warning';
}) => (
  <div role="status" aria-live="polite">
    {text && (
      <Alert severity={severity} sx={{ mb: 2 }}>
        {text}
      </Alert>
    )}
  </div>
);

export type NoticeState = { text: string; severity: 'success' | 'error' | 'warning' } | null;

/**
 * What the page just did, for its Notice. `attempt` runs a request: what it returns is said as done
 * (null says nothing), a refusal is said with its reason.
 */
export const useNotice = () => {
  const refusal = useRefusal();
  const [notice, setNotice] = useState<NoticeState>(null);
  const attempt = async (request: () => Promise<string | null>) => {
    try {
      const done = await request();
      setNotice(done === null ? null : { text: done, severity: 'success' });
    } catch (error) {
      setNotice({ text: refusal(error), severity: 'error' });
    }
  };
  return { notice, setNotice, attempt };
};
