/**
 * The core's own process (Electron's utilityProcess, plain Node): SQL, PDFs and exports run here,
 * never on the main process's event loop. The main process sends one message carrying the port
 * to serve the contract on and the start options; the key vault is asked of it over that port.
 */
import { eventPortChannel } from '../core/bridge/channel.ts';
import { serveCore } from '../core/bridge/core-bridge.ts';
import { log } from '../core/log.ts';
import { confStore } from '../core/settings/conf-store.ts';

export interface CoreProcessStart {
  dataDir: string;
  version: string;
  appRoot: string;
}

process.parentPort.once('message', (event) => {
  const { dataDir, version, appRoot } = event.data as CoreProcessStart;
  const [port] = event.ports;
  if (!port) throw new Error('The core process needs a port');
  // Settings through conf, the library electron-store is built on (electron-store needs the main process).
  serveCore(eventPortChannel(port), { dataDir, version, appRoot, mode: 'electron', storeFactory: confStore }).catch(
    (error: unknown) => {
      log.error('core.startFailed', { error: error instanceof Error ? error.name : 'unknown' });
      process.exit(1);
    },
  );
});
