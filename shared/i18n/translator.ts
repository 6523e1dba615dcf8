import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, NAMESPACES, resources } from './resources.ts';

/** A synchronous translator for code outside React (the Electron menu, PDFs made in the core). */
export const createTranslator = (language: string): TFunction => {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
};
