import type en from '@caredesk/core/catalogs/en.json';
import {
  FIRST_CLASS_LANGUAGES,
  firstClassLanguage,
  type FirstClassLanguage,
} from '@caredesk/core/patients';

/** The app's languages (issue #4): the four catalogs in packages/core/src/i18n/catalogs. */
export const LANGUAGES = FIRST_CLASS_LANGUAGES;
export type Language = FirstClassLanguage;

/** Every key the catalogs hold; a typo in a key is a type error. */
export type MessageKey = keyof typeof en;

const STORAGE_KEY = 'caredesk.language';

/** A BCP-47 tag as one of the app's languages, else null (core's rule, shared with the server). */
export const toLanguage = firstClassLanguage;

/**
 * The language to start in: the visitor's own earlier choice on this device, else the
 * browser's first supported language, else English. The account's preference replaces
 * it once someone signs in. The choice is the only thing the app keeps in browser
 * storage: it says nothing about anyone's health.
 */
export function initialLanguage(): Language {
  const stored = toLanguage(readStored());
  if (stored) return stored;
  for (const tag of navigator.languages) {
    const lang = toLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: choose again next visit
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

type Catalog = Record<MessageKey, string>;

/** Each catalog is its own chunk: a visitor downloads only the language they read. */
export function loadCatalog(lang: Language): Promise<Catalog> {
  switch (lang) {
    case 'en':
      return import('@caredesk/core/catalogs/en.json').then((m) => m.default);
    case 'es':
      return import('@caredesk/core/catalogs/es.json').then((m) => m.default);
    case 'lv':
      return import('@caredesk/core/catalogs/lv.json').then((m) => m.default);
    case 'nb':
      return import('@caredesk/core/catalogs/nb.json').then((m) => m.default);
  }
}
