import { accessSync, constants, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../rpc/app-failure.ts';

/** Refuses a folder we cannot write into before any work is done, so nothing is half-made. */
export const assertWritableFolder = (folder: string): void => {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    const probe = join(folder, `.passopasso-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch {
    throw new AppFailure('STORAGE', 'The export folder cannot be written', { reason: 'folderNotWritable' });
  }
};

/**
 * Writes a set of files so that either all of them appear under their final names or none does:
 * each is written as a hidden partial first; only when every one is complete are they renamed.
 * Written asynchronously: eleven 9,000-row files are ~30 MB, a stall of a third of a second when
 * written in one synchronous go.
 */
export const writeAllOrNothing = async (
  folder: string,
  files: readonly { name: string; content: string | Buffer }[],
): Promise<void> => {
  const partials: string[] = [];
  const finals: string[] = [];
  try {
    for (const file of files) {
      const partial = join(folder, `.${file.name}.partial`);
      partials.push(partial);
      await writeFile(partial, file.content);
    }
    files.forEach((file, index) => {
      const final = join(folder, file.name);
      renameSync(partials[index] ?? '', final);
      finals.push(final);
    });
  } catch (error) {
    for (const path of [...partials, ...finals]) rmSync(path, { force: true });
    throw error instanceof AppFailure
      ? error
      : new AppFailure('STORAGE', 'The export files could not be written', { reason: 'writeFailed' });
  }
};

/** Removes files this export wrote (when what follows the writing fails). */
export const removeFiles = (folder: string, names: readonly string[]): void => {
  for (const name of names) rmSync(join(folder, name), { force: true });
};
