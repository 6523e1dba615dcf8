import { lazy } from 'react';
import type { ScreenEntry } from '../../app/navigation.ts';

// Each screen loads on demand: none of this is in the start-up bundle.
const GuidesScreen = lazy(() => import('./GuidesScreen.tsx').then((m) => ({ default: m.GuidesScreen })));
const RunnerScreen = lazy(() => import('./RunnerScreen.tsx').then((m) => ({ default: m.RunnerScreen })));
const GuidesAdminScreen = lazy(() => import('./GuidesAdminScreen.tsx').then((m) => ({ default: m.GuidesAdminScreen })));
const CitizenScreen = lazy(() => import('./CitizenScreen.tsx').then((m) => ({ default: m.CitizenScreen })));
const ProjectorScreen = lazy(() => import('./ProjectorScreen.tsx').then((m) => ({ default: m.ProjectorScreen })));

/**
 * The guides screens: the list (in the navigation), the runner `#/guides/run/<runId>`, the library
 * status `#/guides/admin`, and the citizen and projector views `#/citizen/<runId>`,
 * `#/projector/<runId>`, which show without the app's header and navigation.
 */
export const GUIDE_SCREENS: readonly ScreenEntry[] = [
  {
    route: 'guides',
    labelKey: 'guides:nav.guides',
    inNav: true,
    chrome: 'shell',
    access: 'operator',
    component: GuidesScreen,
  },
  {
    route: 'guides/run',
    labelKey: 'guides:runner.title',
    inNav: false,
    chrome: 'shell',
    access: 'operator',
    component: RunnerScreen,
  },
  {
    route: 'guides/admin',
    labelKey: 'guides:admin.title',
    inNav: false,
    chrome: 'shell',
    access: 'operator',
    component: GuidesAdminScreen,
  },
  {
    route: 'citizen',
    labelKey: 'guides:runner.title',
    inNav: false,
    chrome: 'bare',
    access: 'citizen',
    component: CitizenScreen,
  },
  {
    route: 'projector',
    labelKey: 'guides:runner.title',
    inNav: false,
    chrome: 'bare',
    access: 'operator',
    component: ProjectorScreen,
  },
];
