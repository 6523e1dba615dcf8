import { lazy } from 'react';
import type { ScreenEntry } from '../../app/screens.tsx';

const FacilitaExportScreen = lazy(() =>
  import('./FacilitaExportScreen.tsx').then((m) => ({ default: m.FacilitaExportScreen })),
);

/** The Facilita export `#/reports/facilita` (behind sign-in; exporting itself is for coordinators). */
export const REPORTS_SCREENS: readonly ScreenEntry[] = [
  {
    route: 'reports/facilita',
    labelKey: 'reports:nav.facilita',
    inNav: true,
    chrome: 'shell',
    component: FacilitaExportScreen,
  },
];
