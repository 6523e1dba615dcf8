/**
 * Checks guide packs the way the app will when it loads them.
 *
 *   node main/core/guides/check-cli.ts [folder…]
 *
 * With no folder, checks every pack in resources/guides. A folder may be one pack (it holds
 * guide.yaml) or a folder of packs. Prints `file:line: [code] message` per problem and a
 * summary; the exit code is 1 when any pack has an error (warnings do not fail).
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackError } from '../../../shared/domain/guide.ts';
import { loadPack, packDirsIn } from './load-pack.ts';

const BUNDLED_GUIDES = fileURLToPath(new URL('../../../resources/guides', import.meta.url));

async function packsFor(folder: string): Promise<string[]> {
  const absolute = resolve(folder);
  if (existsSync(resolve(absolute, 'guide.yaml'))) return [absolute];
  return packDirsIn(absolute);
}

function format(error: PackError): string {
  const file = relative(process.cwd(), error.file) || error.file;
  const tag = error.severity === 'warning' ? `warning ${error.code}` : error.code;
  return `${file}:${error.line}: [${tag}] ${error.message}`;
}

async function main(args: string[]): Promise<number> {
  const folders = args.length > 0 ? args : [BUNDLED_GUIDES];
  const dirs = (await Promise.all(folders.map(packsFor))).flat();
  if (dirs.length === 0) {
    console.error(`No guide packs found in ${folders.join(', ')}`);
    return 1;
  }
  let errorCount = 0;
  let warningCount = 0;
  let failedPacks = 0;
  for (const dir of dirs) {
    const result = await loadPack(dir);
    const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
    for (const problem of problems) console.log(format(problem));
    if (!result.ok) {
      failedPacks++;
      errorCount += result.errors.length;
    }
    warningCount += result.warnings.length;
  }
  console.log(
    `${dirs.length} pack(s) checked: ${dirs.length - failedPacks} ok, ${failedPacks} with errors; ` +
      `${errorCount} error(s), ${warningCount} warning(s)`,
  );
  return errorCount > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
