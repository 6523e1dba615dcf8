import { AppFailure } from '../rpc/app-failure.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/i;

/**
 * The hub's address as the desk will use it: https://, or http:// only to this machine (a hub on
 * the same computer, and tests). Plain http over a network would expose the device token and
 * citizens' data to anyone on the way (docs/architecture.md §4).
 */
export const checkHubUrl = (raw: string): string => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppFailure('VALIDATION', 'The hub address is not a valid URL', { syncCode: 'PROTOCOL' });
  }
  if (url.username || url.password) throw new AppFailure('VALIDATION', 'The hub address must not contain credentials');
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url.origin;
  throw new AppFailure('VALIDATION', 'Plain http:// is refused except to this computer; use https://', {
    syncCode: 'INSECURE_URL',
  });
};
