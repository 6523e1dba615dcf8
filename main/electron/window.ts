import { BrowserWindow } from 'electron';
import { rendererEntry } from './app-protocol.ts';

/** The hardened options of every window we open (docs/architecture.md §5); nothing here may be loosened per window. */
export const hardenedWebPreferences = (preloadPath: string): Electron.WebPreferences => ({
  preload: preloadPath,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
});

export const createMainWindow = (preloadPath: string, title: string): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntry());
  return window;
};
