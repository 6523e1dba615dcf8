import { useEffect, useState } from 'react';

/** The console's pages, by their address under /console/. */
export const PAGES = ['desks', 'sites', 'codes', 'facilita'] as const;
export type Page = (typeof PAGES)[number];

const BASE = '/console/';

export const pageOf = (pathname: string): Page => {
  const name = pathname.startsWith(BASE) ? pathname.slice(BASE.length).split('/')[0] : '';
  return (PAGES as readonly string[]).includes(name ?? '') ? (name as Page) : 'desks';
};

export const pathOf = (page: Page) => `${BASE}${page}`;

export const navigate = (page: Page) => {
  window.history.pushState(null, '', pathOf(page));
  window.dispatchEvent(new PopStateEvent('popstate'));
};

/** The page in the address bar, followed as it changes (links, back and forward). */
export const useCurrentPage = (): Page => {
  const [page, setPage] = useState(() => pageOf(window.location.pathname));
  useEffect(() => {
    const follow = () => setPage(pageOf(window.location.pathname));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return page;
};
