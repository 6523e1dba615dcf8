import { HUB_SITE_SETTING_KEYS } from '../../../shared/sync-protocol/site-setting-keys.ts';

export type SiteKey = (typeof HUB_SITE_SETTING_KEYS)[number];
type Kind = 'text' | 'date' | 'number' | 'boolean' | 'measure';

/** How each hub-owned site setting is typed into the form (the rules are the shared schema's, checked by the hub). */
export const SITE_FIELD_KINDS: Record<SiteKey, Kind> = {
  facilitaName: 'text',
  facilitaId: 'text',
  ente: 'text',
  province: 'text',
  projectStart: 'date',
  projectEnd: 'date',
  cutoffDate: 'date',
  allowMinors: 'boolean',
  backdateDays: 'number',
  idleMinutes: 'number',
  retentionMonths: 'number',
  measure: 'measure',
};

export const SITE_KEYS = HUB_SITE_SETTING_KEYS;
export type SiteForm = Record<SiteKey, string | boolean>;

export const formOf = (settings: Record<string, unknown>): SiteForm =>
  Object.fromEntries(
    SITE_KEYS.map((key) => {
      const value = settings[key];
      if (SITE_FIELD_KINDS[key] === 'boolean') return [key, value === true];
      return [key, value === undefined || value === null ? '' : String(value)];
    }),
  ) as SiteForm;

/** What is sent: a field left empty stays as the desk has it; numbers go as typed, so a bad one is the hub's to name. */
export const settingsOf = (form: SiteForm): Record<string, unknown> =>
  Object.fromEntries(
    SITE_KEYS.flatMap((key): [SiteKey, unknown][] => {
      const value = form[key];
      if (typeof value === 'boolean') return [[key, value]];
      if (value.trim() === '') return [];
      if (SITE_FIELD_KINDS[key] === 'number') return [[key, /^-?\d+$/.test(value.trim()) ? Number(value) : value]];
      return [[key, value.trim()]];
    }),
  );
