import { lazy } from 'react';
import type { ScreenEntry } from '../../app/navigation.ts';

// Lazy: @mui/x-charts loads with this screen only, never in the start-up bundle.
const DashboardsScreen = lazy(() => import('./DashboardsScreen.tsx').then((m) => ({ default: m.DashboardsScreen })));

/** The dashboards `#/dashboards` (behind sign-in; targets are set by coordinators). */
export const DASHBOARDS_SCREENS: readonly ScreenEntry[] = [
  {
    route: 'dashboards',
    labelKey: 'dashboards:nav.dashboards',
    inNav: true,
    chrome: 'shell',
    component: DashboardsScreen,
  },
];
