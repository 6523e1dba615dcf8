import enCommon from '../locales/en/common.json' with { type: 'json' };
import enConsole from '../locales/en/console.json' with { type: 'json' };
import enDashboards from '../locales/en/dashboards.json' with { type: 'json' };
import enDatabase from '../locales/en/database.json' with { type: 'json' };
import enErrors from '../locales/en/errors.json' with { type: 'json' };
import enGuides from '../locales/en/guides.json' with { type: 'json' };
import enJournal from '../locales/en/journal.json' with { type: 'json' };
import enKeys from '../locales/en/keys.json' with { type: 'json' };
import enShell from '../locales/en/shell.json' with { type: 'json' };
import enMenu from '../locales/en/menu.json' with { type: 'json' };
import enFacilita from '../locales/en/facilita.json' with { type: 'json' };
import enSettings from '../locales/en/settings.json' with { type: 'json' };
import enSync from '../locales/en/sync.json' with { type: 'json' };
import itCommon from '../locales/it/common.json' with { type: 'json' };
import itConsole from '../locales/it/console.json' with { type: 'json' };
import itDashboards from '../locales/it/dashboards.json' with { type: 'json' };
import itDatabase from '../locales/it/database.json' with { type: 'json' };
import itErrors from '../locales/it/errors.json' with { type: 'json' };
import itGuides from '../locales/it/guides.json' with { type: 'json' };
import itJournal from '../locales/it/journal.json' with { type: 'json' };
import itKeys from '../locales/it/keys.json' with { type: 'json' };
import itShell from '../locales/it/shell.json' with { type: 'json' };
import itMenu from '../locales/it/menu.json' with { type: 'json' };
import itFacilita from '../locales/it/facilita.json' with { type: 'json' };
import itSettings from '../locales/it/settings.json' with { type: 'json' };
import itSync from '../locales/it/sync.json' with { type: 'json' };

/** Every UI string, Italian first (the default), English complete; a test checks both have the same keys. */
export const resources = {
  it: {
    common: itCommon,
    settings: itSettings,
    sync: itSync,
    errors: itErrors,
    database: itDatabase,
    menu: itMenu,
    facilita: itFacilita,
    dashboards: itDashboards,
    guides: itGuides,
    journal: itJournal,
    keys: itKeys,
    shell: itShell,
    // The hub's organisation console (console/ loads only this and journal's site fields).
    console: itConsole,
  },
  en: {
    common: enCommon,
    settings: enSettings,
    sync: enSync,
    errors: enErrors,
    database: enDatabase,
    menu: enMenu,
    facilita: enFacilita,
    dashboards: enDashboards,
    guides: enGuides,
    journal: enJournal,
    keys: enKeys,
    shell: enShell,
    console: enConsole,
  },
} as const;

export const NAMESPACES = [
  'common',
  'settings',
  'errors',
  'database',
  'menu',
  'facilita',
  'dashboards',
  'guides',
  'journal',
  'sync',
  'keys',
  'shell',
] as const;
export const DEFAULT_LANGUAGE = 'it';
