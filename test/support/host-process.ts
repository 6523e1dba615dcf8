import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const HOST_ENTRY = resolve(import.meta.dirname, '../../out/main/host.mjs');
export const READY_PREFIX = 'PassoPasso is running at ';

export interface HostProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The address with the token, as printed. */
  openUrl: string;
  token: string;
  port: number;
  dataDir: string;
  stdout: () => string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export const tempDataDir = (label = 'passopasso'): string => mkdtempSync(join(tmpdir(), `${label}-`));

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );

/** Starts the built browser-mode host as a real process and waits for its ready line. */
export const launchHost = async (
  options: { dataDir?: string; port?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<HostProcess> => {
  const dataDir = options.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, [HOST_ENTRY], {
    env: {
      ...process.env,
      PASSOPASSO_DATA_DIR: dataDir,
      PASSOPASSO_NO_OPEN: '1',
      PASSOPASSO_LOG: 'silent',
      PASSOPASSO_PORT: String(options.port ?? 0),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const openUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time: ${stderr}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.slice(READY_PREFIX.length).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${stderr}`));
    });
  });
  const parsed = new URL(openUrl);
  return {
    child,
    url: parsed.origin,
    openUrl,
    token: parsed.searchParams.get('token') ?? '',
    port: Number(parsed.port),
    dataDir,
    stdout: () => stdout,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
};
