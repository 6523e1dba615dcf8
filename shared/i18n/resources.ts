import enCommon from '../locales/en/common.json' with { type: 'json' };
import enDatabase from '../locales/en/database.json' with { type: 'json' };
import enErrors from '../locales/en/errors.json' with { type: 'json' };
import enMenu from '../locales/en/menu.json' with { type: 'json' };
import enSettings from '../locales/en/settings.json' with { type: 'json' };
import itCommon from '../locales/it/common.json' with { type: 'json' };
import itDatabase from '../locales/it/database.json' with { type: 'json' };
import itErrors from '../locales/it/errors.json' with { type: 'json' };
import itMenu from '../locales/it/menu.json' with { type: 'json' };
import itSettings from '../locales/it/settings.json' with { type: 'json' };

/** Every UI string, Italian first (the default), English complete; a test checks both have the same keys. */
export const resources = {
  it: { common: itCommon, settings: itSettings, errors: itErrors, database: itDatabase, menu: itMenu },
  en: { common: enCommon, settings: enSettings, errors: enErrors, database: enDatabase, menu: enMenu },
} as const;

export const NAMESPACES = ['common', 'settings', 'errors', 'database', 'menu'] as const;
export const DEFAULT_LANGUAGE = 'it';
