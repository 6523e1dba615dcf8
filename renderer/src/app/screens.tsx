import { lazy } from 'react';
import { DASHBOARDS_SCREENS } from '../features/dashboards/dashboards-screens.ts';
import { GUIDE_SCREENS } from '../features/guides/guide-screens.ts';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { JOURNAL_SCREENS } from '../features/journal/journal-screens.ts';
import { FACILITA_SCREENS } from '../features/facilita/facilita-screens.ts';
import { SYNC_SCREENS } from '../features/sync/sync-screens.ts';
import type { ScreenEntry } from './navigation.ts';

// Only the first screen is in the start-up bundle; the others load on demand, so less JS is parsed
// before the person sees the app.
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen.tsx').then((module) => ({ default: module.SettingsScreen })),
);
const AboutScreen = lazy(() =>
  import('../features/about/AboutScreen.tsx').then((module) => ({ default: module.AboutScreen })),
);

/**
 * Every screen of the app, in navigation order; the first is home. Each feature adds its entries
 * here. Only App reads this list (and hands it to the router): a feature links with hrefOf.
 */
export const SCREENS: readonly [ScreenEntry, ...ScreenEntry[]] = [
  { route: '', labelKey: 'nav.home', inNav: true, chrome: 'shell', component: HomeScreen },
  { route: 'settings', labelKey: 'nav.settings', inNav: true, chrome: 'shell', component: SettingsScreen },
  { route: 'about', labelKey: 'nav.about', inNav: true, chrome: 'shell', component: AboutScreen },
  ...GUIDE_SCREENS,
  ...JOURNAL_SCREENS,
  ...SYNC_SCREENS,
  ...FACILITA_SCREENS,
  ...DASHBOARDS_SCREENS,
];
