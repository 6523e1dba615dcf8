import { createAppCore, type AppCore } from '../../main/core/app-core.ts';
import { confStore } from '../../main/core/settings/conf-store.ts';
import { tempDataDir } from './host-process.ts';

/** A real core on a real data folder, as browser mode builds it. */
export const createTestCore = (dataDir = tempDataDir()): AppCore & { dataDir: string } => {
  const core = createAppCore({ dataDir, mode: 'browser', version: '0.0.0-test', storeFactory: confStore });
  return Object.assign(core, { dataDir });
};
