import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, serveStatic } from '../../../main/host/static-files.ts';
import { rawRequest } from '../../support/raw-http.ts';

// The host's router hands serveStatic a WHATWG-normalised pathname, and Node's HTTP parser refuses
// a request target without a leading "/", so over HTTP nothing can climb above "/". The folder
// guard in resolveInside is the defence that holds whatever its caller passes: the last test calls
// it with the relative paths HTTP cannot carry, and fails if the guard (or its separator) goes.
describe('static files stay inside the renderer folder', () => {
  const top = mkdtempSync(join(tmpdir(), 'passopasso-static-'));
  const root = join(top, 'renderer');
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    mkdirSync(root);
    mkdirSync(join(top, 'renderer-private'));
    writeFileSync(join(root, 'index.html'), '<title>ok</title>');
    writeFileSync(join(top, 'secret.txt'), 'outside');
    writeFileSync(join(top, 'renderer-private', 'secret.txt'), 'sibling');
    server = createServer((request, response) => void serveStatic(root, request.url ?? '/', response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves a file inside the folder', async () => {
    const response = await rawRequest({ port, path: '/index.html' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('ok');
  });

  it('refuses raw request targets that climb out of the folder, encoded or not', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/renderer-private/secret.txt',
      '/..\\secret.txt',
    ]) {
      const response = await rawRequest({ port, path });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toMatch(/outside|sibling/);
    }
  });

  it('resolves paths against the folder, never a folder that merely starts with its name', () => {
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveInside(root, '../secret.txt')).toBeNull();
    expect(resolveInside(root, '../renderer-private/secret.txt')).toBeNull();
  });
});
