import { MessageChannelMain, utilityProcess } from 'electron';
import { eventPortChannel } from '../core/bridge/channel.ts';
import { connectCore, type RemoteCore } from '../core/bridge/core-bridge.ts';
import type { KeyVault } from '../core/keys/key-vault.ts';
import type { CoreProcessStart } from './core-process.ts';

/**
 * Forks the core into a utility process and connects to it over a MessageChannelMain. `onExit`
 * hears an exit the app did not ask for (the core crashed): the shell explains and quits.
 */
export const startCoreProcess = (
  entry: string,
  start: CoreProcessStart,
  vault: KeyVault,
  onExit: (code: number) => void,
): RemoteCore => {
  const child = utilityProcess.fork(entry, [], { serviceName: 'PassoPasso core', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(start, [port2]);
  const core = connectCore(eventPortChannel(port1), vault);
  let closing = false;
  child.once('exit', (code) => {
    if (!closing) onExit(code);
  });
  return {
    ...core,
    close: async () => {
      closing = true;
      await core.close();
      child.kill();
    },
  };
};
