import { useEffect, useState } from 'react';
import { SCREENS, type ScreenEntry } from './screens.tsx';

export interface CurrentRoute {
  screen: ScreenEntry;
  /** Path segments after the screen's route, e.g. `#/guides/cie-pin` → ['cie-pin']. */
  params: string[];
}

/** `#/a/b/c` → the screen whose route is the longest matching prefix, and the rest as params. */
export const parseHash = (hash: string): CurrentRoute => {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  for (let length = segments.length; length > 0; length -= 1) {
    const route = segments.slice(0, length).join('/');
    const screen = SCREENS.find((entry) => entry.route === route);
    if (screen) return { screen, params: segments.slice(length) };
  }
  // The first screen is home; read here, not at module load (screens.tsx imports screens that import us).
  return { screen: SCREENS[0] as ScreenEntry, params: [] };
};

export const hrefOf = (route: string, ...params: string[]): string =>
  `#/${[route, ...params.map(encodeURIComponent)].filter(Boolean).join('/')}`;

/** Hash routing: works the same under app:// in Electron and http:// in browser mode. */
export const useRoute = (): CurrentRoute => {
  const [current, setCurrent] = useState<CurrentRoute>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setCurrent(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return current;
};

/** The params of the current route, for screens that take some (e.g. a guide id). */
export const useRouteParams = (): string[] => useRoute().params;
