import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useMemo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { i18n } from '../i18n/index.ts';
import { AppStateProvider, useLoadedAppState } from './app-state.tsx';
import { useRoute, type Route } from './routes.ts';
import { Shell } from './Shell.tsx';
import { buildTheme } from './theme.ts';

// Only the first screen is in the start-up bundle; the others load on demand, so less JS is parsed
// before the person sees the app.
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen.tsx').then((module) => ({ default: module.SettingsScreen })),
);
const AboutScreen = lazy(() =>
  import('../features/about/AboutScreen.tsx').then((module) => ({ default: module.AboutScreen })),
);
const DatabaseProblemScreen = lazy(() =>
  import('../features/database/DatabaseProblemScreen.tsx').then((module) => ({
    default: module.DatabaseProblemScreen,
  })),
);

const SCREENS: Record<Route, ComponentType> = {
  home: HomeScreen,
  settings: SettingsScreen,
  about: AboutScreen,
};

export const App = () => {
  const { t } = useTranslation();
  const { loaded, state } = useLoadedAppState();
  const route = useRoute();
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

  const Screen = SCREENS[route];
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {!state ? (
        <Typography component="main" role={loaded ? 'alert' : 'status'} sx={{ p: 3 }}>
          {loaded ? t('status.offlineHost') : t('loading')}
        </Typography>
      ) : (
        <AppStateProvider value={state}>
          {state.info.database.status === 'ok' ? (
            <Shell route={route}>
              <Suspense fallback={<Typography role="status">{t('loading')}</Typography>}>
                <Screen key={route} />
              </Suspense>
            </Shell>
          ) : (
            <Suspense fallback={<Typography role="status">{t('loading')}</Typography>}>
              <DatabaseProblemScreen problem={state.info.database} />
            </Suspense>
          )}
        </AppStateProvider>
      )}
    </ThemeProvider>
  );
};
