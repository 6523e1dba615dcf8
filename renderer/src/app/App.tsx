import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorProvider } from '../features/operators/OperatorProvider.tsx';
import { i18n } from '../i18n/index.ts';
import { AppStateProvider, useLoadedAppState } from './app-state.tsx';
import { NavigationContext, useHashRoute } from './navigation.ts';
import { SCREENS } from './screens.tsx';
import { Shell } from './Shell.tsx';
import { buildTheme } from './theme.ts';
import { useReducedMotion } from './use-reduced-motion.ts';

const DatabaseProblemScreen = lazy(() =>
  import('../features/database/DatabaseProblemScreen.tsx').then((module) => ({
    default: module.DatabaseProblemScreen,
  })),
);

const KeyProblemScreen = lazy(() =>
  import('../features/keys/KeyProblemScreen.tsx').then((module) => ({ default: module.KeyProblemScreen })),
);

export const App = () => {
  const { t } = useTranslation();
  const { loaded, state } = useLoadedAppState();
  const current = useHashRoute(SCREENS);
  const { screen } = current;
  const navigation = useMemo(() => ({ screens: SCREENS, current }), [current]);
  const language = state?.settings.language;
  const textScale = state?.settings.textScale ?? 100;
  const reducedMotion = useReducedMotion();
  const theme = useMemo(
    () => buildTheme(state?.settings.theme ?? 'standard', reducedMotion),
    [state?.settings.theme, reducedMotion],
  );

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);
  useEffect(() => {
    // The root font size is the text scale: every rem in the theme follows it.
    document.documentElement.style.fontSize = `${textScale}%`;
  }, [textScale]);

  const Screen = screen.component;
  const loadingFallback = <Typography role="status">{t('loading')}</Typography>;
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {!state ? (
        <Typography component="main" role={loaded ? 'alert' : 'status'} sx={{ p: 3 }}>
          {loaded ? t('status.offlineHost') : t('loading')}
        </Typography>
      ) : (
        <AppStateProvider value={state}>
          <NavigationContext.Provider value={navigation}>
            {state.info.database.status !== 'ok' ? (
              <Suspense fallback={loadingFallback}>
                <DatabaseProblemScreen problem={state.info.database} />
              </Suspense>
            ) : state.info.keys.status !== 'ready' ? (
              <Suspense fallback={loadingFallback}>
                <KeyProblemScreen problem={state.info.keys} />
              </Suspense>
            ) : screen.chrome === 'bare' ? (
              <Suspense fallback={loadingFallback}>
                <Screen key={screen.route} />
              </Suspense>
            ) : (
              // Who is signed in (and the idle auto-lock) for every screen; journal screens ask for sign-in.
              <OperatorProvider>
                <Shell>
                  <Suspense fallback={loadingFallback}>
                    <Screen key={screen.route} />
                  </Suspense>
                </Shell>
              </OperatorProvider>
            )}
          </NavigationContext.Provider>
        </AppStateProvider>
      )}
    </ThemeProvider>
  );
};
