// The core in a worker thread, served over the bridge exactly as Electron's utility process serves it.
import { parentPort, workerData } from 'node:worker_threads';
import { nodePortChannel } from '../../main/core/bridge/channel.ts';
import { serveCore } from '../../main/core/bridge/core-bridge.ts';
import { confStore } from '../../main/core/settings/conf-store.ts';

if (!parentPort) throw new Error('core-worker.ts runs as a worker thread');
const { dataDir } = workerData as { dataDir: string };
await serveCore(nodePortChannel(parentPort), { dataDir, mode: 'electron', version: 'worker', storeFactory: confStore });
