import { join } from 'node:path';
import { app, BrowserWindow, Menu } from 'electron';
import Store from 'electron-store';
import { createAppCore } from '../core/app-core.ts';
import { readPackageInfo } from '../core/package-info.ts';
import type { StoreFactory } from '../core/settings/settings-service.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import { registerAppScheme, rendererDirFrom, serveRenderer } from './app-protocol.ts';
import { watchCitizenWindowRequests } from './citizen-window.ts';
import { watchSheetPrintRequests } from './sheet-print.ts';
import { bindIpc } from './ipc.ts';
import { keychainKeyProvider } from './keychain.ts';
import { buildMenu } from './menu.ts';
import { applySecurityPolicy } from './security.ts';
import { createMainWindow } from './window.ts';

// Before anything else: every renderer sandboxed, our scheme registered, one instance only.
app.enableSandbox();
registerAppScheme();
const isFirstInstance = app.requestSingleInstanceLock();

const electronStore: StoreFactory = (options) => new Store(options);

const start = async () => {
  await app.whenReady();
  const { version, root } = readPackageInfo(import.meta.url);
  const dataDir = process.env['PASSOPASSO_DATA_DIR'] ?? app.getPath('userData');
  const core = createAppCore({
    dataDir,
    mode: 'electron',
    version,
    storeFactory: electronStore,
    keyProvider: keychainKeyProvider(dataDir),
  });

  applySecurityPolicy();
  serveRenderer(rendererDirFrom(root));
  bindIpc(core);

  const applyLanguage = (language: string) => Menu.setApplicationMenu(buildMenu(createTranslator(language)));
  applyLanguage(core.settings.get().language);
  core.events.subscribe((name, payload) => {
    if (name === 'settings.changed') applyLanguage((payload as { language: string }).language);
  });

  const preload = join(root, 'out', 'preload', 'index.cjs');
  let mainWindow = createMainWindow(preload, 'PassoPasso');
  watchCitizenWindowRequests(core, preload);
  watchSheetPrintRequests(core, dataDir);
  app.on('second-instance', () => {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preload, 'PassoPasso');
  });
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
};

if (isFirstInstance) {
  start().catch((error: unknown) => {
    console.error(`PassoPasso could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
} else {
  // A second launch only brings the running window forward (see 'second-instance' above).
  app.quit();
}
