import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';
import { sendError } from './respond.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** Resolves a URL path inside `root`, or null when it would step outside it. */
export const resolveInside = (root: string, urlPath: string): string | null => {
  const relative = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
};

export const serveStatic = async (root: string, urlPath: string, response: ServerResponse): Promise<void> => {
  const file = resolveInside(root, urlPath);
  if (!file) return sendError(response, 'NOT_FOUND', 'Not found');
  try {
    const body = await readFile(file);
    // Hashed asset names change with their content, so they may be cached; the page itself may not.
    const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cache,
    });
    response.end(body);
  } catch {
    sendError(response, 'NOT_FOUND', 'Not found');
  }
};
