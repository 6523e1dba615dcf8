import type { AppInfo } from '../../../shared/domain/app.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import { client } from '../api/client.ts';

/**
 * Asked for as soon as the bundle starts, before React renders, so the first screen does not wait
 * for a render, an effect and then a round trip. Imported first by main.tsx.
 */
export const initialLoad: Promise<{ info: AppInfo; settings: Settings } | null> = Promise.all([
  client.call('app.info', {}),
  client.call('settings.get', {}),
]).then(([info, settings]) => (info.ok && settings.ok ? { info: info.value, settings: settings.value } : null));
