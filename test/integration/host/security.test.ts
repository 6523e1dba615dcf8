import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../../main/host/read-body.ts';
import { startHost, type RunningHost } from '../../../main/host/server.ts';
import { METHOD_NAMES } from '../../../shared/contract/names.ts';
import { createTestCore } from '../../support/core.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { rawRequest } from '../../support/raw-http.ts';

let host: RunningHost;
const core = createTestCore();

beforeAll(async () => {
  const rendererDir = join(tempDataDir('renderer'), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PassoPasso</title>');
  writeFileSync(join(tempDataDir('secret'), 'secret.txt'), 'not for you');
  host = await startHost({ core, rendererDir });
});
afterAll(async () => {
  await host.close();
  core.close();
});

const send = (
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) =>
  rawRequest({
    port: host.port,
    path,
    ...options,
    headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, ...options.headers },
  });

const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser-mode host: security over real HTTP', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('answers a good call', async () => {
    const response = await rpc('settings.get', {});
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, value: { language: 'it' } });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('no token → 401', async () => {
    const response = await send('/api/rpc/settings.get', { method: 'POST', headers: { Authorization: '' } });
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('wrong token → 401, also for the page itself', async () => {
    expect((await rpc('settings.get', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await send('/', { headers: { Authorization: '' } })).status).toBe(401);
    expect((await send('/?token=wrong', { headers: { Authorization: '' } })).status).toBe(401);
  });

  it('a foreign Host (DNS rebinding) → 403, even with the right token', async () => {
    for (const foreign of ['evil.example', `localhost:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const response = await rpc('settings.get', {}, { Host: foreign });
      expect(response.status).toBe(403);
    }
  });

  it('a cross-origin Origin → 403, the same origin is fine', async () => {
    expect((await rpc('settings.set', { deskName: 'x' }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await rpc('settings.set', { deskName: 'x' }, { Origin: 'null' })).status).toBe(403);
    expect((await rpc('settings.get', {}, { Origin: host.url })).status).toBe(200);
  });

  it('a body over the limit → 413, nothing changed', async () => {
    const huge = JSON.stringify({ deskName: 'y'.repeat(BODY_LIMIT_BYTES) });
    const response = await rpc('settings.set', huge);
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(core.settings.get().deskName).not.toMatch(/^y+$/);
  });

  it('an unknown method → 404 with a code', async () => {
    const response = await rpc('does.not.exist', {});
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('invalid input → 400 VALIDATION with field paths', async () => {
    const response = await rpc('settings.set', { textScale: 'huge' });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'textScale', code: 'invalid_type' }] } },
    });
  });

  it('malformed JSON → 400, and a non-JSON content type → 415', async () => {
    expect((await rpc('settings.set', '{"deskName": ')).status).toBe(400);
    const form = await send('/api/rpc/settings.set', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"deskName":"csrf"}',
    });
    expect(form.status).toBe(415);
    expect(core.settings.get().deskName).not.toBe('csrf');
  });

  it('GET on a method → 405', async () => {
    expect((await send('/api/rpc/settings.get')).status).toBe(405);
  });

  it('lists every method with the JSON Schema of its input and output', async () => {
    const response = await send('/api/rpc');
    const listing = response.json() as { methods: { name: string; input: object; output: object }[] };
    expect(listing.methods.map((method) => method.name).sort()).toEqual([...METHOD_NAMES].sort());
    expect(listing.methods.every((method) => '$schema' in method.input && '$schema' in method.output)).toBe(true);
  });

  it('trades ?token= for an HttpOnly cookie and a clean address, and the cookie then works', async () => {
    const response = await send(`/?token=${host.token}`, { headers: { Authorization: '' } });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send('/', { headers: { Authorization: '', Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>PassoPasso</title>');
  });

  // Over HTTP the URL is normalised before the folder guard sees it; the guard itself is proven in static-files.test.ts.
  it('never serves files outside the renderer folder over HTTP', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../package.json']) {
      expect((await send(path)).status).toBe(404);
    }
  });

  it('streams core events as Server-Sent Events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.url}/api/events`, {
      headers: { Authorization: `Bearer ${host.token}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    await rpc('settings.set', { deskName: 'Sportello SSE' });
    let text = '';
    while (!text.includes('Sportello SSE')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain('event: settings.changed');
    expect(text).toContain('"deskName":"Sportello SSE"');
  });
});
