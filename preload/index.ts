import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../shared/contract/channels.ts';
import { EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName } from '../shared/contract/names.ts';

/**
 * Generated from the contract's names: one function per method, nothing else. No logic lives
 * here; validation happens in the core, where the renderer cannot skip it.
 */
const call = (method: MethodName, input: unknown): Promise<unknown> => ipcRenderer.invoke(RPC_CHANNEL, method, input);

const methods = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));

const on = (name: EventName, callback: (payload: unknown) => void): (() => void) => {
  if (!EVENT_NAMES.includes(name)) throw new Error(`Unknown event ${String(name)}`);
  const listener = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
    if (eventName === name) callback(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
};

contextBridge.exposeInMainWorld('passopasso', { call, methods, on });
