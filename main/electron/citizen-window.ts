import { BrowserWindow, screen } from 'electron';
import type { EventListener } from '../core/events.ts';
import { rendererEntry } from './app-protocol.ts';
import { CitizenWindows } from '../shell/citizen-displays.ts';
import { hardenedWebPreferences } from './window.ts';

type Mode = 'citizen' | 'projector' | 'questionnaire';

/**
 * The citizen view (or the projector view) of a run, or the experience questionnaire, full screen
 * on the second display when there is one, with the same hardened options as the main window.
 */
export const citizenWindows = (preloadPath: string): CitizenWindows<BrowserWindow> =>
  new CitizenWindows(
    screen,
    (area) =>
      new BrowserWindow({
        ...area,
        title: 'PassoPasso',
        show: false,
        backgroundColor: '#000000',
        autoHideMenuBar: true,
        webPreferences: hardenedWebPreferences(preloadPath),
      }),
  );

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
