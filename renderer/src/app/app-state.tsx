import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/contract/result.ts';
import type { AppInfo, DatabaseState, Notice } from '../../../shared/domain/app.ts';
import type { KeyState } from '../../../shared/domain/keys.ts';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings.ts';
import { client } from '../api/client.ts';
import { initialLoad } from './initial-load.ts';

export interface AppState {
  info: AppInfo;
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings>>;
  dismissNotice(id: string): Promise<void>;
  setDatabase(state: DatabaseState): void;
  setKeys(state: KeyState): void;
}

const AppStateContext = createContext<AppState | null>(null);

export const useAppState = (): AppState => {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
};

type Loaded = { info: AppInfo; settings: Settings } | { failed: true } | null;

/** Loads what every screen needs once, and keeps it current from the core's events. */
export const useLoadedAppState = (): { loaded: Loaded; state: AppState | null } => {
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    void initialLoad.then((initial) => setLoaded(initial ?? { failed: true }));
    const offSettings = client.on('settings.changed', (payload) =>
      setLoaded((current) => (current && 'info' in current ? { ...current, settings: payload as Settings } : current)),
    );
    const offNotices = client.on('notices.changed', (payload) =>
      setLoaded((current) =>
        current && 'info' in current
          ? { ...current, info: { ...current.info, notices: payload as Notice[] } }
          : current,
      ),
    );
    return () => {
      offSettings();
      offNotices();
    };
  }, []);

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    const result = await client.call('settings.set', patch);
    if (result.ok)
      setLoaded((current) => (current && 'info' in current ? { ...current, settings: result.value } : current));
    return result;
  }, []);

  const dismissNotice = useCallback(async (id: string) => {
    const result = await client.call('notices.dismiss', { id });
    if (result.ok) {
      setLoaded((current) =>
        current && 'info' in current ? { ...current, info: { ...current.info, notices: result.value } } : current,
      );
    }
  }, []);

  const setDatabase = useCallback((database: DatabaseState) => {
    setLoaded((current) =>
      current && 'info' in current ? { ...current, info: { ...current.info, database } } : current,
    );
  }, []);

  const setKeys = useCallback((keys: KeyState) => {
    setLoaded((current) => (current && 'info' in current ? { ...current, info: { ...current.info, keys } } : current));
  }, []);

  const state = useMemo<AppState | null>(
    () =>
      loaded && 'info' in loaded
        ? { info: loaded.info, settings: loaded.settings, updateSettings, dismissNotice, setDatabase, setKeys }
        : null,
    [loaded, updateSettings, dismissNotice, setDatabase, setKeys],
  );
  return { loaded, state };
};

export const AppStateProvider = ({ value, children }: { value: AppState; children: ReactNode }) => (
  <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>
);
