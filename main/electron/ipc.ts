import { BrowserWindow, ipcMain } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../shared/contract/channels.ts';
import { fail } from '../../shared/contract/result.ts';
import type { EventName } from '../../shared/contract/names.ts';
import type { RemoteCore } from '../core/bridge/core-bridge.ts';
import { WindowCallers } from '../shell/window-callers.ts';
import { isTrustedSender } from './security.ts';

/** The windows' identities: the desk's, or a citizen view's (main/shell/window-callers.ts). */
export const windowCallers = new WindowCallers();

/**
 * Sends an event to every window that is still there and may see it (a citizen window: only its
 * own view's); one window's failure is not the others'.
 */
export const sendToWindows = (name: EventName, payload: unknown): void => {
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    if (!windowCallers.receives(window.webContents.id, name, payload)) continue;
    try {
      window.webContents.send(EVENT_CHANNEL, name, payload);
    } catch {
      // Closed between the check and the send: nothing to tell it any more.
    }
  }
};

/** The Electron binding of the contract: one channel, every call through the core's one dispatcher. */
export const bindIpc = (core: Pick<RemoteCore, 'call' | 'subscribe'>): void => {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('FORBIDDEN', 'Untrusted sender');
    if (typeof method !== 'string') return fail('NOT_FOUND', 'Method name missing');
    return core.call(method, input, windowCallers.callerOf(event.sender.id));
  });
  core.subscribe(sendToWindows);
};
