import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { citizenViewReceives } from '../shared/contract/access.ts';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../shared/contract/channels.ts';
import { citizenViewMayCall, citizenViewOf } from '../shared/contract/citizen-view.ts';
import { fail } from '../shared/contract/result.ts';

/**
 * The citizen window's preload: the same bridge as the desk's (`call`, `on`) but narrow — only
 * the public methods and its own view's, only for its own run or questionnaire, and only that
 * view's events. The window is told which view is its own at creation
 * (`--passopasso-view=<run|questionnaire>:<id>` in its additionalArguments); with none, it may
 * call only the public methods. No logic beyond that narrowing: the core still validates all.
 */
const own = citizenViewOf(process.argv);

const call = (method: string, input: unknown): Promise<unknown> =>
  citizenViewMayCall(own, method, input)
    ? ipcRenderer.invoke(RPC_CHANNEL, method, input)
    : Promise.resolve(
        fail('FORBIDDEN', 'The citizen view may use only its own run or questionnaire', { reason: 'citizenView' }),
      );

const on = (name: string, callback: (payload: unknown) => void): (() => void) => {
  const listener = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
    if (eventName !== name) return;
    if (eventName === 'settings.changed' || (own && citizenViewReceives(own.view, own.id, eventName, payload)))
      callback(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
};

contextBridge.exposeInMainWorld('passopasso', { call, on });
