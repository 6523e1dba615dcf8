import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ADMIN_TOKEN } from './hub.ts';

export const HUB_ENTRY = resolve(import.meta.dirname, '../../server/main.ts');
export const HUB_READY_PREFIX = 'PassoPasso hub listening on http://';

export interface HubProcess {
  child: ChildProcess;
  url: string;
  port: number;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );

/** `node server/main.ts` as a real process (PGlite in `dataDir`, or PostgreSQL at `databaseUrl`), ready when it prints its line. */
export const launchHubProcess = async (options: {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
}): Promise<HubProcess> => {
  const child = spawn(process.execPath, [HUB_ENTRY], {
    env: {
      ...process.env,
      PASSOPASSO_HUB_PORT: String(options.port ?? 0),
      PASSOPASSO_HUB_ADMIN_TOKEN: ADMIN_TOKEN,
      PASSOPASSO_HUB_RATE_LIMIT: '100000',
      PASSOPASSO_HUB_ENROLL_RATE_LIMIT: '1000',
      ...(options.dataDir ? { PASSOPASSO_HUB_DATA_DIR: options.dataDir } : {}),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(HUB_READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolveUrl(/^(http:\/\/[^\s]+)/.exec(line.slice('PassoPasso hub listening on '.length))?.[1] ?? '');
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}: ${stderr}`));
    });
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
};

/** The admin API of a hub process: one organisation and site, and a code per desk. */
export const adminApi = (url: string) => {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!response.ok) throw new Error(`admin ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    call,
    async seed() {
      const organisation = await call<{ id: string }>('POST', '/organisations', { name: 'Ente' });
      const site = await call<{ id: string }>('POST', '/sites', { organisationId: organisation.id, name: 'Sede' });
      return { organisationId: organisation.id, siteId: site.id };
    },
    code: async (siteId: string) => (await call<{ code: string }>('POST', '/enrollment-codes', { siteId })).code,
  };
};
