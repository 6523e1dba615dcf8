import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorProvider } from '../features/operators/OperatorProvider.tsx';
import { RequireAccess } from '../features/operators/RequireOperator.tsx';
import { i18n } from '../i18n/index.ts';
import { AppStateProvider, useLoadedAppState } from './app-state.tsx';
import { useRoute } from './routes.ts';
import { Shell } from './Shell.tsx';
import { buildTheme } from './theme.ts';

const DatabaseProblemScreen = lazy(() =>
  import('../features/database/DatabaseProblemScreen.tsx').then((module) => ({
    default: module.DatabaseProblemScreen,
  })),
);

export const App = () => {
  const { t } = useTranslation();
  const { loaded, state } = useLoadedAppState();
  const { screen } = useRoute();
  const language = state?.settings.language;
  const textScale = state?.settings.textScale ?? 100;
  const theme = useMemo(() => buildTheme(state?.settings.theme ?? 'standard'), [state?.settings.theme]);

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
          {state.info.database.status !== 'ok' ? (
            <Suspense fallback={loadingFallback}>
              <DatabaseProblemScreen problem={state.info.database} />
            </Suspense>
          ) : screen.chrome === 'bare' ? (
            <Suspense fallback={loadingFallback}>
              <Screen key={screen.route} />
            </Suspense>
          ) : (
            // Who is signed in (and the idle auto-lock) for every screen; each shows to whom its access admits.
            <OperatorProvider>
              <Shell current={screen}>
                {/* One boundary: the operator bar shows together with the screen, not before it has loaded. */}
                <Suspense fallback={loadingFallback}>
                  <RequireAccess>
                    <Screen key={screen.route} />
                  </RequireAccess>
                </Suspense>
              </Shell>
            </OperatorProvider>
          )}
        </AppStateProvider>
      )}
    </ThemeProvider>
  );
};
