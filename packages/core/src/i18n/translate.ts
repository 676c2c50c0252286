import { IntlMessageFormat } from 'intl-messageformat';
import en from './catalogs/en.json';
import es from './catalogs/es.json';
import lv from './catalogs/lv.json';
import nb from './catalogs/nb.json';
import { catalogLanguage, type FirstClassLanguage } from '../patients/language';

export type MessageKey = keyof typeof en;

/** Every catalog has exactly the English keys; the catalog test proves it. */
export const catalogs: Record<FirstClassLanguage, Record<string, string>> = { en, es, lv, nb };

const cache = new Map<string, IntlMessageFormat>();

/**
 * The message for `key` in `language` (ICU MessageFormat: plurals follow CLDR, so
 * Latvian gets its zero/one/other forms). An unknown key returns the key itself, so a
 * missing translation is visible rather than blank.
 */
export function translate(
  language: string | null | undefined,
  key: string,
  values?: Record<string, string | number>,
): string {
  const lang = catalogLanguage(language);
  const source = catalogs[lang][key] ?? catalogs.en[key];
  if (source === undefined) return key;
  const cacheKey = `${lang}\u0000${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, lang);
    cache.set(cacheKey, format);
  }
  return String(format.format(values));
}

/**
 * Picks the best first-class language from an Accept-Language header
 * (RFC 9110 §12.5.4), honouring q-values; English when none matches.
 */
export function negotiateLanguage(header: string | undefined): FirstClassLanguage {
  if (!header) return 'en';
  const ranked = header
    .slice(0, 512)
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const lang = catalogLanguage(tag);
    if (lang !== 'en' || tag.toLowerCase().startsWith('en')) return lang;
  }
  return 'en';
}
