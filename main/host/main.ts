import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore } from '../core/app-core.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { readPackageInfo } from '../core/package-info.ts';
import { confStore } from '../core/settings/conf-store.ts';
import { openInBrowser } from './open-browser.ts';
import { startHost } from './server.ts';

const parsePort = (value: string | undefined): number => {
  if (value === undefined || value === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PASSOPASSO_PORT must be a port number (0–65535), not "${value}".`);
    process.exit(2);
  }
  return port;
};

const main = async () => {
  const { version, root } = readPackageInfo(import.meta.url);
  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const core = createAppCore({ dataDir, mode: 'browser', version, storeFactory: confStore });
  const host = await startHost({
    core,
    rendererDir: process.env['PASSOPASSO_RENDERER_DIR'] ?? join(root, 'out', 'renderer'),
    port: parsePort(process.env['PASSOPASSO_PORT']),
  });
  console.log(`PassoPasso is running at ${host.openUrl}`);
  if (process.env['PASSOPASSO_NO_OPEN'] !== '1') openInBrowser(host.openUrl);

  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

main().catch((error: unknown) => {
  console.error(`PassoPasso could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
