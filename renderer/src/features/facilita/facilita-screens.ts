import { lazy } from 'react';
import type { ScreenEntry } from '../../app/navigation.ts';

const FacilitaExportScreen = lazy(() =>
  import('./FacilitaExportScreen.tsx').then((m) => ({ default: m.FacilitaExportScreen })),
);

/** The Facilita export `#/facilita` (behind sign-in; exporting itself is for coordinators). */
export const FACILITA_SCREENS: readonly ScreenEntry[] = [
  {
    route: 'facilita',
    labelKey: 'facilita:nav.facilita',
    inNav: true,
    chrome: 'shell',
    component: FacilitaExportScreen,
  },
];
