import { createContext, useContext, useEffect, useState, type ComponentType } from 'react';
import type { Role } from '../../../shared/domain/journal/options.ts';

/**
 * Navigation for every screen: the shape of a screen entry, hash links and the current route.
 * A leaf module: it imports no feature, so features can link to each other through it while the
 * screen list itself (screens.tsx, which imports every feature) is read by the app alone.
 */

/** Who may open a screen: anyone at the desk, or an operator of one of these roles. */
export type ScreenAccess = 'anyone' | readonly Role[];

export interface ScreenEntry {
  /** The hash route: `#/<route>` ('' is the home screen). */
  route: string;
  /** i18n key of its name in the navigation (common namespace). */
  labelKey: string;
  /** Listed in the navigation: only screens that work, never a dead link. */
  inNav: boolean;
  /** 'shell' shows header, navigation and status bar; 'bare' shows the screen alone (the citizen view). */
  chrome: 'shell' | 'bare';
  component: ComponentType;
  /**
   * Who may see it. Absent means anyone (the screen itself may still ask for sign-in); the role
   * checks of the journal stay in the core, this only decides what the navigation offers.
   */
  access?: ScreenAccess;
}

export interface CurrentRoute {
  screen: ScreenEntry;
  /** Path segments after the screen's route, e.g. `#/guides/cie-pin` → ['cie-pin']. */
  params: string[];
}

/** `#/a/b/c` → the screen whose route is the longest matching prefix, and the rest as params; else the first (home). */
export const parseHash = (hash: string, screens: readonly [ScreenEntry, ...ScreenEntry[]]): CurrentRoute => {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  for (let length = segments.length; length > 0; length -= 1) {
    const route = segments.slice(0, length).join('/');
    const screen = screens.find((entry) => entry.route === route);
    if (screen) return { screen, params: segments.slice(length) };
  }
  return { screen: screens[0], params: [] };
};

export const hrefOf = (route: string, ...params: string[]): string =>
  `#/${[route, ...params.map(encodeURIComponent)].filter(Boolean).join('/')}`;

/** Hash routing over the given screens: works the same under app:// in Electron and http:// in browser mode. */
export const useHashRoute = (screens: readonly [ScreenEntry, ...ScreenEntry[]]): CurrentRoute => {
  const [current, setCurrent] = useState<CurrentRoute>(() => parseHash(window.location.hash, screens));
  useEffect(() => {
    const onChange = () => setCurrent(parseHash(window.location.hash, screens));
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [screens]);
  return current;
};

/** What the router (App) hands down: the screens it routes between and the current one. */
export interface Navigation {
  screens: readonly ScreenEntry[];
  current: CurrentRoute;
}

export const NavigationContext = createContext<Navigation | null>(null);

export const useNavigation = (): Navigation => {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationContext');
  return navigation;
};

/** The params of the current route, for screens that take some (e.g. a guide id). */
export const useRouteParams = (): string[] => useNavigation().current.params;
