import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, shell } from 'electron';
import { createTranslator } from '../../shared/i18n/translator.ts';
import { readPackageInfo } from '../core/package-info.ts';
import { passwordStoreSwitch, readKeychainRecord, sealedKeyVault } from '../core/keys/sealed-vault.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import { registerAppScheme, rendererDirFrom, serveRenderer } from './app-protocol.ts';
import { citizenWindowRequests, citizenWindows } from './citizen-window.ts';
import { startCoreProcess } from './core-link.ts';
import { bindIpc, sendToWindows } from './ipc.ts';
import { electronKeychain } from '../shell/keychain.ts';
import { bringForward, closeBeforeQuit, shellLanguage } from '../shell/lifecycle.ts';
import { buildMenu } from './menu.ts';
import { applySecurityPolicy } from './security.ts';
import { sheetPrintRequests } from '../shell/sheet-print.ts';
import { createMainWindow } from './window.ts';

/**
 * The desktop app: before `ready` the sandbox, our scheme, the single-instance lock and the
 * keychain backend that sealed the key; then the core in its own process (key loaded first,
 * asynchronously), then the windows.
 */
export const startDesk = async (): Promise<void> => {
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // A second launch only brings the running window forward (see 'second-instance' below).
    app.quit();
    return;
  }
  const dataDir = process.env['PASSOPASSO_DATA_DIR'] ?? app.getPath('userData');
  const backend = process.platform === 'linux' ? passwordStoreSwitch(readKeychainRecord(dataDir)) : null;
  if (backend) app.commandLine.appendSwitch('password-store', backend);

  await app.whenReady();
  const { version, root } = readPackageInfo(import.meta.url);
  let quitting = false;
  const core = startCoreProcess(
    join(root, 'out', 'main', 'core-process.mjs'),
    { dataDir, version, appRoot: root },
    sealedKeyVault(dataDir, electronKeychain(safeStorage)),
    (code) => {
      if (quitting) return;
      const t = createTranslator(shellLanguage(app.getLocale()));
      dialog.showErrorBox(t('shell:coreStoppedTitle'), t('shell:coreStoppedText', { code }));
      app.exit(1);
    },
  );
  app.on('before-quit', () => (quitting = true));
  closeBeforeQuit(app, core.close, (error) =>
    console.error(`PassoPasso could not close the journal: ${error instanceof Error ? error.message : String(error)}`),
  );
  await core.ready;

  applySecurityPolicy();
  serveRenderer(rendererDirFrom(root));
  bindIpc(core);

  const applyLanguage = (language: string) => Menu.setApplicationMenu(buildMenu(createTranslator(language)));
  const settings = await core.call('settings.get', {});
  applyLanguage(settings.ok ? (settings.value as Settings).language : 'it');

  const preload = join(root, 'out', 'preload', 'index.cjs');
  const citizens = citizenWindows(preload);
  const openMain = () => {
    const window = createMainWindow(preload, 'PassoPasso');
    // Nothing may stay on the citizen's screen once the operator's window is gone.
    window.on('closed', () => citizens.closeAll());
    return window;
  };
  let mainWindow: BrowserWindow | null = openMain();

  const onCitizenRequest = citizenWindowRequests(citizens);
  const onPrintRequest = sheetPrintRequests(
    dataDir,
    (file) => shell.openPath(file),
    () => sendToWindows('shell.printFailed', { reason: 'noViewer' }),
  );
  core.subscribe((name, payload) => {
    if (name === 'settings.changed') applyLanguage((payload as Settings).language);
    onCitizenRequest(name, payload);
    onPrintRequest(name, payload);
  });

  app.on('second-instance', () => {
    mainWindow = bringForward(mainWindow, openMain);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMain();
  });
  app.on('window-all-closed', () => app.quit());
};
