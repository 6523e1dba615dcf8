// Whether out/ is older than the sources, so `npm start` and `npm test` rebuild only when needed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_ROOTS = [
  'main',
  'preload',
  'renderer',
  'console',
  'shared',
  'resources',
  'package.json',
  'vite.config.ts',
  'vite.console.config.ts',
  'scripts/build.mjs',
];
const STAMP = 'out/.build-stamp';

const newestMtime = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
};

export const buildIsStale = () =>
  !existsSync(STAMP) || SOURCE_ROOTS.some((root) => newestMtime(root) > statSync(STAMP).mtimeMs);
