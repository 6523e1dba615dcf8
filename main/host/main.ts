import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore } from '../core/app-core.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { readPackageInfo } from '../core/package-info.ts';
import { confStore } from '../core/settings/conf-store.ts';
import { openInBrowser } from './open-browser.ts';
import { rememberedPort, rememberPort } from './remembered-port.ts';
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
  const rendererDir = process.env['PASSOPASSO_RENDERER_DIR'] ?? join(root, 'out', 'renderer');
  const asked = process.env['PASSOPASSO_PORT'];
  const chosen = asked !== undefined && asked !== '';
  const port = chosen ? parsePort(asked) : rememberedPort(dataDir);
  // The remembered port may be taken now (another program): then any free one.
  const host = await startHost({ core, rendererDir, port }).catch((error: unknown) => {
    if (chosen || port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startHost({ core, rendererDir, port: 0 });
  });
  if (!chosen) rememberPort(dataDir, host.port);
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
