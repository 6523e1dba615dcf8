import { BrowserWindow, ipcMain } from 'electron';
import { fail } from '../../shared/contract/result.ts';
import type { AppCore } from '../core/app-core.ts';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../shared/contract/channels.ts';
import { isTrustedSender } from './security.ts';

/** The Electron binding of the contract: one channel, every call through the same dispatcher as HTTP. */
export const bindIpc = (core: AppCore): void => {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('FORBIDDEN', 'Untrusted sender');
    if (typeof method !== 'string') return fail('NOT_FOUND', 'Method name missing');
    return core.dispatcher.call(method, input);
  });
  core.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
};
