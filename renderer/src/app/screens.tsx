import { lazy, type ComponentType } from 'react';
import type { AccessLevel } from '../../../shared/contract/access.ts';
import { DASHBOARDS_SCREENS } from '../features/dashboards/dashboards-screens.ts';
import { GUIDE_SCREENS } from '../features/guides/guide-screens.ts';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { JOURNAL_SCREENS } from '../features/journal/journal-screens.ts';
import { FACILITA_SCREENS } from '../features/facilita/facilita-screens.ts';
import { SYNC_SCREENS } from '../features/sync/sync-screens.ts';

export interface ScreenEntry {
  /** The hash route: `#/<route>` ('' is the home screen). */
  route: string;
  /** i18n key of its name in the navigation (common namespace). */
  labelKey: string;
  /** Listed in the navigation: only screens that work, never a dead link. */
  inNav: boolean;
  /** 'shell' shows header, navigation and status bar; 'bare' shows the screen alone (the citizen view). */
  chrome: 'shell' | 'bare';
  /**
   * Who may use it (the levels of shared/contract/access.ts): the navigation lists it only for
   * them, and the screen asks for sign-in, or says it is not for this role, instead of failing.
   */
  access: AccessLevel;
  component: ComponentType;
}

// Only the first screen is in the start-up bundle; the others load on demand, so less JS is parsed
// before the person sees the app.
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen.tsx').then((module) => ({ default: module.SettingsScreen })),
);
const AboutScreen = lazy(() =>
  import('../features/about/AboutScreen.tsx').then((module) => ({ default: module.AboutScreen })),
);

/** Every screen of the app, in navigation order. Each feature adds its entries here. */
export const SCREENS: readonly ScreenEntry[] = [
  { route: '', labelKey: 'nav.home', inNav: true, chrome: 'shell', access: 'desk', component: HomeScreen },
  {
    route: 'settings',
    labelKey: 'nav.settings',
    inNav: true,
    chrome: 'shell',
    access: 'desk',
    component: SettingsScreen,
  },
  { route: 'about', labelKey: 'nav.about', inNav: true, chrome: 'shell', access: 'desk', component: AboutScreen },
  ...GUIDE_SCREENS,
  ...JOURNAL_SCREENS,
  ...SYNC_SCREENS,
  ...FACILITA_SCREENS,
  ...DASHBOARDS_SCREENS,
];
