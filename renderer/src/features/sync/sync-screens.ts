import { lazy } from 'react';
import type { ScreenEntry } from '../../app/navigation.ts';

const SyncScreen = lazy(() => import('./SyncScreen.tsx').then((m) => ({ default: m.SyncScreen })));

/** The Sync screen `#/sync`: status, "Sync now", rejected and conflicting changes. */
export const SYNC_SCREENS: readonly ScreenEntry[] = [
  { route: 'sync', labelKey: 'sync:nav', inNav: true, chrome: 'shell', component: SyncScreen },
];
