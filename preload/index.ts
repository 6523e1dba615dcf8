import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../shared/contract/channels.ts';
import { EVENT_NAMES, type EventName, type MethodName } from '../shared/contract/names.ts';

/**
 * One call and one event subscription, nothing else. No logic lives here; names and inputs are
 * checked in the core, where the renderer cannot skip it.
 */
const call = (method: MethodName, input: unknown): Promise<unknown> => ipcRenderer.invoke(RPC_CHANNEL, method, input);

const on = (name: EventName, callback: (payload: unknown) => void): (() => void) => {
  if (!EVENT_NAMES.includes(name)) throw new Error(`Unknown event ${String(name)}`);
  const listener = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
    if (eventName === name) callback(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
};

contextBridge.exposeInMainWorld('passopasso', { call, on });
