import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../../shared/domain/settings.ts';
import type { EventBus } from '../events.ts';
import { log } from '../log.ts';

/** What we need of conf / electron-store (electron-store is conf with Electron's paths). */
export interface KeyValueStore {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

export type StoreFactory = (options: { cwd: string; configName: string; defaults: Settings }) => KeyValueStore;

export const SETTINGS_FILE_NAME = 'settings';

/** A settings file that is not JSON or breaks the schema: moved aside (never deleted) so defaults can load. */
const setAsideIfInvalid = (file: string, now: Date): string | null => {
  if (!existsSync(file)) return null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Settings.safeParse({ ...DEFAULT_SETTINGS, ...(parsed as object) }).success) return null;
  } catch {
    // Not JSON: fall through and keep it aside.
  }
  const keptAs = `${file}.invalid-${now.toISOString().replaceAll(':', '-')}`;
  renameSync(file, keptAs);
  log.warn('settings.reset', { reason: 'invalid file' });
  return keptAs;
};

export class SettingsService {
  readonly #store: KeyValueStore;
  readonly #events: EventBus;
  /** Set when the file on disk was invalid at start and defaults were restored. */
  readonly resetFrom: string | null;

  constructor(factory: StoreFactory, dir: string, events: EventBus, now = new Date()) {
    this.resetFrom = setAsideIfInvalid(join(dir, `${SETTINGS_FILE_NAME}.json`), now);
    this.#store = factory({ cwd: dir, configName: SETTINGS_FILE_NAME, defaults: DEFAULT_SETTINGS });
    this.#events = events;
  }

  get(): Settings {
    const current = Settings.safeParse({ ...DEFAULT_SETTINGS, ...this.#store.store });
    return current.success ? current.data : DEFAULT_SETTINGS;
  }

  set(patch: SettingsPatch): Settings {
    const next = Settings.parse({ ...this.get(), ...patch });
    this.#store.set(next);
    this.#events.emit('settings.changed', next);
    return next;
  }
}
