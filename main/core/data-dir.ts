import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the desk keeps its data when Electron does not say (browser mode, scripts):
 * PASSOPASSO_DATA_DIR, else the platform's per-user application-data folder.
 */
export const defaultDataDir = (env: NodeJS.ProcessEnv = process.env, platform = process.platform): string => {
  const override = env['PASSOPASSO_DATA_DIR'];
  if (override) return override;
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'PassoPasso');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'PassoPasso');
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'PassoPasso');
};
