import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';
import { resolveInside } from '../host/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://passopasso`;

/** Must run before `ready`: a standard, secure scheme behaves like https for the renderer (no file://). */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
};

/** Serves the built renderer under app://passopasso/, with our CSP, and nothing outside its folder. */
export const serveRenderer = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'passopasso' ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
};

export const rendererEntry = (): string => `${APP_ORIGIN}/index.html`;
export const rendererDirFrom = (appRoot: string): string => join(appRoot, 'out', 'renderer');
