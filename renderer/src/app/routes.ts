import { useEffect, useState } from 'react';

/** The screens that work today; navigation lists only these (no dead links to future features). */
export const ROUTES = ['home', 'settings', 'about'] as const;
export type Route = (typeof ROUTES)[number];

const routeFromHash = (hash: string): Route => {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
};

export const hrefOf = (route: Route): string => (route === 'home' ? '#/' : `#/${route}`);

/** Hash routing: works the same under app:// in Electron and http:// in browser mode. */
export const useRoute = (): Route => {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};
