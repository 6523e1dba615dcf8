import { lazy } from 'react';
import type { ScreenEntry } from '../../app/navigation.ts';

// Every journal screen loads on demand: none of it is in the start-up bundle.
const JournalScreen = lazy(() => import('./JournalScreen.tsx').then((m) => ({ default: m.JournalScreen })));
const SessionScreen = lazy(() => import('../sessions/SessionScreen.tsx').then((m) => ({ default: m.SessionScreen })));
const QuickLogScreen = lazy(() =>
  import('../sessions/QuickLogScreen.tsx').then((m) => ({ default: m.QuickLogScreen })),
);
const HistoryScreen = lazy(() => import('../history/HistoryScreen.tsx').then((m) => ({ default: m.HistoryScreen })));
const WorkshopsScreen = lazy(() =>
  import('../workshops/WorkshopsScreen.tsx').then((m) => ({ default: m.WorkshopsScreen })),
);
const WorkshopScreen = lazy(() =>
  import('../workshops/WorkshopScreen.tsx').then((m) => ({ default: m.WorkshopScreen })),
);
const CitizenScreen = lazy(() => import('../citizens/CitizenScreen.tsx').then((m) => ({ default: m.CitizenScreen })));
const QuestionnaireScreen = lazy(() =>
  import('../sessions/QuestionnaireScreen.tsx').then((m) => ({ default: m.QuestionnaireScreen })),
);
const AdminScreen = lazy(() => import('../operators/AdminScreen.tsx').then((m) => ({ default: m.AdminScreen })));

/**
 * The journal's screens, all under `#/journal/…` and all behind sign-in (withOperator): the
 * journal start, a session (`journal/session`, `…/session/<id>`, `…/session/draft/<id>`), the
 * quick log, history, workshops, a citizen's rights, and the coordinator's desk.
 */
export const JOURNAL_SCREENS: readonly ScreenEntry[] = [
  { route: 'journal', labelKey: 'journal:nav.journal', inNav: true, chrome: 'shell', component: JournalScreen },
  { route: 'journal/quick', labelKey: 'journal:nav.quick', inNav: true, chrome: 'shell', component: QuickLogScreen },
  { route: 'journal/history', labelKey: 'journal:nav.history', inNav: true, chrome: 'shell', component: HistoryScreen },
  {
    route: 'journal/workshops',
    labelKey: 'journal:nav.workshops',
    inNav: true,
    chrome: 'shell',
    component: WorkshopsScreen,
  },
  { route: 'journal/admin', labelKey: 'journal:nav.admin', inNav: true, chrome: 'shell', component: AdminScreen },
  {
    route: 'journal/session',
    labelKey: 'journal:nav.session',
    inNav: false,
    chrome: 'shell',
    component: SessionScreen,
  },
  {
    route: 'journal/workshop',
    labelKey: 'journal:nav.workshops',
    inNav: false,
    chrome: 'shell',
    component: WorkshopScreen,
  },
  {
    route: 'journal/citizen',
    labelKey: 'journal:nav.citizen',
    inNav: false,
    chrome: 'shell',
    component: CitizenScreen,
  },
  // The citizen's side of the experience questionnaire: bare and large print, like the guides' citizen view.
  {
    route: 'questionnaire',
    labelKey: 'journal:questionnaire.title',
    inNav: false,
    chrome: 'bare',
    component: QuestionnaireScreen,
  },
];
