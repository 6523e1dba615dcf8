import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's package.json, found by walking up from the running file, so the same code works
 * from the sources (tests, scripts) and from the bundles in out/.
 */
export const readPackageInfo = (from: string = import.meta.url): { version: string; root: string } => {
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'passopasso') return { version: parsed.version ?? '0.0.0', root: dir };
    }
    const parent = dirname(dir);
    if (parent === dir) return { version: '0.0.0', root: dir };
    dir = parent;
  }
};
