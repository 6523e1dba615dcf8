import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleRefusal, ConsoleSessionView } from '../../shared/console/names.ts';
import { buildTheme } from '../../renderer/src/app/theme.ts';
import { useReducedMotion } from '../../renderer/src/app/use-reduced-motion.ts';
import { api, ApiError, bindSession } from './api.ts';
import { Shell } from './Shell.tsx';
import { SignIn } from './pages/SignIn.tsx';

type State =
  | { phase: 'loading' }
  | { phase: 'signedOut'; reason: ConsoleRefusal | null }
  | { phase: 'signedIn'; session: ConsoleSessionView };

/**
 * Signed in or not. A session that ends (idle, or signed out in another tab) brings back the
 * sign-in form in place: the address stays, so signing in again returns to the same page.
 */
export const App = () => {
  const { t } = useTranslation();
  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => buildTheme('standard', reducedMotion), [reducedMotion]);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const signedOut = useCallback((reason: ConsoleRefusal | null) => setState({ phase: 'signedOut', reason }), []);
  const signedIn = useCallback((session: ConsoleSessionView) => setState({ phase: 'signedIn', session }), []);
  bindSession(state.phase === 'signedIn' ? state.session : null, signedOut);

  useEffect(() => {
    document.title = t('title');
    api<ConsoleSessionView>('GET', '/session').then(signedIn, (error: unknown) =>
      signedOut(error instanceof ApiError && error.reason === 'expired' ? 'expired' : null),
    );
  }, [signedIn, signedOut, t]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {state.phase === 'loading' && (
        <Typography role="status" sx={{ p: 3 }}>
          {t('loading')}
        </Typography>
      )}
      {state.phase === 'signedOut' && <SignIn reason={state.reason} onSignedIn={signedIn} />}
      {state.phase === 'signedIn' && <Shell session={state.session} onSignedOut={() => signedOut(null)} />}
    </ThemeProvider>
  );
};
