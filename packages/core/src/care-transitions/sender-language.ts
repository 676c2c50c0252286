import { normalizeLanguage } from '../patients/language';

/**
 * ISO 639-2 (three-letter) codes that have an ISO 639-1 form: HL7 table 0296 (PID-15) is
 * commonly sent as ISO 639-2 ("eng", "spa", "nor"), while BCP-47 wants the shortest code
 * (RFC 5646 §2.2.1). Only languages CareDesk's markets see are listed; other three-letter
 * codes are valid BCP-47 as they are.
 */
const ISO_639_2_TO_1: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  lav: 'lv',
  nor: 'no',
  nob: 'nb',
  nno: 'nn',
  ara: 'ar',
  fre: 'fr',
  fra: 'fr',
  ger: 'de',
  deu: 'de',
  rus: 'ru',
  pol: 'pl',
  lit: 'lt',
  est: 'et',
  ukr: 'uk',
  vie: 'vi',
  chi: 'zh',
  zho: 'zh',
  som: 'so',
  por: 'pt',
  ita: 'it',
  swe: 'sv',
  dan: 'da',
  fin: 'fi',
  tur: 'tr',
  per: 'fa',
  fas: 'fa',
  urd: 'ur',
  hin: 'hi',
  tgl: 'tl',
  kor: 'ko',
  jpn: 'ja',
};

/**
 * PID-15 (or NK1-20) as a CareDesk language tag, normalised as the registry does
 * (`no`, `nb-NO` → `nb`, `en-US` → `en`), or null when the sender's code is not a language
 * (real feeds send "1").
 */
export function languageFromSender(code: string): string | null {
  const trimmed = code.trim();
  const lower = trimmed.toLowerCase();
  return normalizeLanguage(ISO_639_2_TO_1[lower] ?? trimmed);
}
