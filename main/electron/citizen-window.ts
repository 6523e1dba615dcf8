import { BrowserWindow, screen } from 'electron';
import type { AppCore } from '../core/app-core.ts';
import { rendererEntry } from './app-protocol.ts';
import { hardenedWebPreferences } from './window.ts';

type Mode = 'citizen' | 'projector' | 'questionnaire';

const open = new Map<string, BrowserWindow>();

/** The display the citizen (or the room) looks at: the first one that is not the operator's. */
const citizenDisplay = (): Electron.Display => {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().find((display) => display.id !== primary.id) ?? primary;
};

/**
 * Opens the citizen view (or the projector view) of a run, or the experience questionnaire, full screen on the second display
 * when there is one, with the same hardened options as the main window. One window per run and
 * mode: asking again brings it forward.
 */
export const openCitizenWindow = (preloadPath: string, id: string, mode: Mode): void => {
  const key = `${mode}:${id}`;
  const existing = open.get(key);
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return;
  }
  const display = citizenDisplay();
  const separate = display.id !== screen.getPrimaryDisplay().id;
  const window = new BrowserWindow({
    ...display.workArea,
    fullscreen: separate,
    title: 'PassoPasso',
    show: false,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    // The citizen's views get the narrow preload (only their own run's or questionnaire's methods); the projector is the trainer's.
    webPreferences:
      mode === 'projector'
        ? hardenedWebPreferences(preloadPath)
        : {
            ...hardenedWebPreferences(preloadPath.replace(/index\.cjs$/, 'citizen.cjs')),
            additionalArguments: [`--passopasso-view=${mode === 'questionnaire' ? 'questionnaire' : 'run'}:${id}`],
          },
  });
  // No menu on the citizen's screen: Alt must not reach the app's menu (Quit among it).
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => open.delete(key));
  open.set(key, window);
  // Run and questionnaire ids are UUIDs (checked by the contract), so they need no escaping in the hash.
  void window.loadURL(`${rendererEntry()}#/${mode}/${id}`);
};

/** The renderer asks through the contract (guides.citizenWindow.open); pages may not open windows themselves. */
export const watchCitizenWindowRequests = (core: AppCore, preloadPath: string): void => {
  core.events.subscribe((name, payload) => {
    if (name === 'questionnaire.citizenWindow.requested')
      openCitizenWindow(preloadPath, (payload as { id: string }).id, 'questionnaire');
    if (name !== 'guides.citizenWindow.requested') return;
    const { runId, mode } = payload as { runId: string; mode: Mode };
    openCitizenWindow(preloadPath, runId, mode);
  });
};
