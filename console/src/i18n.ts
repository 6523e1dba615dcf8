import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enConsole from '../../shared/locales/en/console.json' with { type: 'json' };
import enFacilita from '../../shared/locales/en/facilita.json' with { type: 'json' };
import enJournal from '../../shared/locales/en/journal.json' with { type: 'json' };
import itConsole from '../../shared/locales/it/console.json' with { type: 'json' };
import itFacilita from '../../shared/locales/it/facilita.json' with { type: 'json' };
import itJournal from '../../shared/locales/it/journal.json' with { type: 'json' };
import { DEFAULT_LANGUAGE } from '../../shared/i18n/resources.ts';

/**
 * The console's strings, the journal's for the site fields and the desk's Facilita words for the
 * export: one wording for a thing, desk and console alike.
 */
export const i18n = i18next.createInstance();
export const LANGUAGES = ['it', 'en'] as const;
const STORED = 'passopasso.console.language';

const saved = window.localStorage.getItem(STORED);
void i18n.use(initReactI18next).init({
  resources: {
    it: { console: itConsole, journal: itJournal, facilita: itFacilita },
    en: { console: enConsole, journal: enJournal, facilita: enFacilita },
  },
  lng: saved === 'en' || saved === 'it' ? saved : DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  ns: ['console', 'journal', 'facilita'],
  defaultNS: 'console',
  initAsync: false,
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  window.localStorage.setItem(STORED, language);
});
