import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOST_ENTRY, launchHost, READY_PREFIX } from '../../support/host-process.ts';
import { rawRequest } from '../../support/raw-http.ts';

describe('the browser-mode host process (built)', () => {
  it('prints exactly one ready line with the port and the token, and serves the app', async () => {
    const host = await launchHost();
    try {
      const readyLines = host
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith(READY_PREFIX));
      expect(readyLines).toHaveLength(1);
      expect(readyLines[0]).toMatch(/^PassoPasso is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      const page = await rawRequest({
        port: host.port,
        path: '/',
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` },
      });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');
    } finally {
      await host.stop();
    }
  });

  it('uses PASSOPASSO_PORT when given', async () => {
    const probe = await launchHost();
    const port = probe.port;
    await probe.stop();
    const host = await launchHost({ port });
    try {
      expect(host.port).toBe(port);
    } finally {
      await host.stop();
    }
  });

  it('without PASSOPASSO_PORT it comes back on the address it had (a page keeps its copy of a draft there)', async () => {
    const first = await launchHost({ env: { PASSOPASSO_PORT: '' } });
    await first.kill9();
    const again = await launchHost({ dataDir: first.dataDir, env: { PASSOPASSO_PORT: '' } });
    try {
      expect(again.port).toBe(first.port);
    } finally {
      await again.stop();
    }
    // Taken by another program meanwhile: any free port instead.
    const squatter = await launchHost({ port: first.port });
    const displaced = await launchHost({ dataDir: first.dataDir, env: { PASSOPASSO_PORT: '' } });
    try {
      expect(displaced.port).not.toBe(first.port);
    } finally {
      await Promise.all([squatter.stop(), displaced.stop()]);
    }
  });

  it('refuses a PASSOPASSO_PORT that is not a port, with a clear message', () => {
    const result = spawnSync(process.execPath, [HOST_ENTRY], {
      env: {
        ...process.env,
        PASSOPASSO_PORT: 'eighty',
        PASSOPASSO_NO_OPEN: '1',
        PASSOPASSO_DATA_DIR: '/tmp/unused-pp',
      },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PASSOPASSO_PORT must be a port number');
  });

  it('a new token every launch', async () => {
    const first = await launchHost();
    await first.stop();
    const second = await launchHost({ dataDir: first.dataDir });
    await second.stop();
    expect(second.token).not.toBe(first.token);
  });
});
