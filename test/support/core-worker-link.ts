import { Worker } from 'node:worker_threads';
import { nodePortChannel } from '../../main/core/bridge/channel.ts';
import { connectCore, type RemoteCore } from '../../main/core/bridge/core-bridge.ts';
import type { KeyVault } from '../../main/core/keys/key-vault.ts';

/** Starts the core in a worker thread and connects to it as Electron's main process does to its utility process. */
export const coreInWorker = async (dataDir: string, vault: KeyVault): Promise<RemoteCore & { worker: Worker }> => {
  const worker = new Worker(new URL('./core-worker.ts', import.meta.url), {
    workerData: { dataDir },
    env: { ...process.env, PASSOPASSO_LOG: 'silent' },
  });
  const core = connectCore(nodePortChannel(worker), vault);
  await core.ready;
  return Object.assign(core, { worker });
};
