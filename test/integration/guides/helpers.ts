/** Shared set-up of the guides integration tests: a real core on a real data folder. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { MethodName } from '../../../shared/contract/names.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import type { AppCore } from '../../../main/core/app-core.ts';
import { BUNDLED_GUIDES } from '../../unit/guides/paths.ts';

/** Calls a method and returns its value, failing the test with the error otherwise. */
export const value = async <T = unknown>(core: AppCore, method: MethodName, input: unknown): Promise<T> => {
  const result = await core.dispatcher.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
};

/** Calls a method that must fail and returns its error. */
export const failure = async (core: AppCore, method: MethodName, input: unknown): Promise<AppError> => {
  const result = await core.dispatcher.call(method, input);
  expect(result.ok, `${method} should have failed`).toBe(false);
  return (result as { ok: false; error: AppError }).error;
};

/** Installs a copy of a bundled pack in <dataDir>/guides with another version and edited texts. */
export const installVersion = (dataDir: string, guideId: string, version: string, edit: (it: string) => string) => {
  const target = join(dataDir, 'guides', guideId);
  mkdirSync(join(dataDir, 'guides'), { recursive: true });
  cpSync(join(BUNDLED_GUIDES, guideId), target, { recursive: true });
  const meta = join(target, 'guide.yaml');
  writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
  const it = join(target, 'it.yaml');
  writeFileSync(it, edit(readFileSync(it, 'utf8')));
};
