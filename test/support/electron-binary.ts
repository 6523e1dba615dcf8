import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ELECTRON_PACKAGE = resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron executable the electron package downloaded, or null when it did not (no internet
 * at install time). Read from the package's path.txt, as its index.js does, without its download attempt.
 */
export const electronBinary = (): string | null => {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(override ?? join(ELECTRON_PACKAGE, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};
