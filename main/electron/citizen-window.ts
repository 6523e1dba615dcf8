import { BrowserWindow, screen } from 'electron';
import type { EventListener } from '../core/events.ts';
import { rendererEntry } from './app-protocol.ts';
import { CitizenWindows } from '../shell/citizen-displays.ts';
import { windowCallers } from './ipc.ts';
import { hardenedWebPreferences } from './window.ts';

type Mode = 'citizen' | 'projector' | 'questionnaire';

/**
 * The window of `<mode>:<id>`: the citizen's views get the narrow preload, told which run or
 * questionnaire is theirs (preload/citizen.ts); the projector is the trainer's own screen.
 */
const viewPreferences = (preloadPath: string, key: string): Electron.WebPreferences => {
  const [mode, id] = key.split(':') as [Mode, string];
  if (mode === 'projector') return hardenedWebPreferences(preloadPath);
  return {
    ...hardenedWebPreferences(preloadPath.replace(/index\.cjs$/, 'citizen.cjs')),
    additionalArguments: [`--passopasso-view=${mode === 'questionnaire' ? 'questionnaire' : 'run'}:${id}`],
  };
};

/**
 * The citizen view (or the projector view) of a run, or the experience questionnaire, full screen
 * on the second display when there is one, with the same hardened options as the main window.
 */
export const citizenWindows = (preloadPath: string): CitizenWindows<BrowserWindow> =>
  new CitizenWindows(screen, (area, key) => {
    const window = new BrowserWindow({
      ...area,
      title: 'PassoPasso',
      show: false,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      webPreferences: viewPreferences(preloadPath, key),
    });
    // No menu on the citizen's screen: Alt must not reach the app's menu (Quit among it).
    window.removeMenu();
    // The core knows it as the citizen view of its one run or questionnaire, not as the desk.
    const contentsId = window.webContents.id;
    windowCallers.register(contentsId, key);
    window.on('closed', () => windowCallers.forget(contentsId));
    return window;
  });

const openView = (windows: CitizenWindows<BrowserWindow>, id: string, mode: Mode) =>
  // Run and questionnaire ids are UUIDs (checked by the contract), so they need no escaping in the hash.
  windows.open(`${mode}:${id}`, (window) => void window.loadURL(`${rendererEntry()}#/${mode}/${id}`));

/** The renderer asks through the contract (guides.citizenWindow.open); pages may not open windows themselves. */
export const citizenWindowRequests =
  (windows: CitizenWindows<BrowserWindow>): EventListener =>
  (name, payload) => {
    if (name === 'questionnaire.citizenWindow.requested')
      openView(windows, (payload as { id: string }).id, 'questionnaire');
    if (name !== 'guides.citizenWindow.requested') return;
    const { runId, mode } = payload as { runId: string; mode: Mode };
    openView(windows, runId, mode);
  };
