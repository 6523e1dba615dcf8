import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CONTENT_TYPES, resolveInside } from '../../main/host/static-files.ts';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';
import { HubFailure } from '../failure.ts';

/** Where `npm run build` writes the console's bundle. */
export const DEFAULT_BUNDLE_DIR = resolve(import.meta.dirname, '../../out/console');

/**
 * The console's pages under `/console/`, from the built bundle (`npm run build` writes
 * out/console). Any path that is not a file is the page itself (the console routes in the
 * browser), so a bookmark of `/console/desks` opens that page.
 */
export const registerConsoleBundle = (app: FastifyInstance, bundleDir: string) => {
  app.get('/console', (_request, reply) => reply.redirect('/console/', 302));
  app.get('/console/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.startsWith('api/')) throw new HubFailure('NOT_FOUND', 'No such route');
    const asset = path.startsWith('assets/') ? resolveInside(bundleDir, `/${path}`) : null;
    const file = asset ?? resolveInside(bundleDir, '/index.html');
    let body: Buffer;
    try {
      body = await readFile(file as string);
    } catch {
      if (asset) throw new HubFailure('NOT_FOUND', 'Not found');
      throw new HubFailure('UNAVAILABLE', 'The console is not built here: run npm run build');
    }
    // Hashed asset names change with their content, so they may be cached; the page itself may not.
    return reply
      .headers({
        ...SECURITY_HEADERS,
        'content-type': CONTENT_TYPES[extname(file as string)] ?? 'application/octet-stream',
        'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      .send(body);
  });
};
