/** The languages CareDesk ships every catalog in. */
export const FIRST_CLASS_LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
export type FirstClassLanguage = (typeof FIRST_CLASS_LANGUAGES)[number];

// BCP-47 (RFC 5646) shape: a 2–3 letter primary subtag and optional subtags of 1–8
// alphanumerics. Bounded quantifiers keep it linear on hostile input.
const BCP47 = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,6}$/i;

/**
 * Normalises a BCP-47 tag. Norwegian arrives as `no`, `no-NO`, `nb-NO` or `nb`: CareDesk
 * serves Bokmål, so all of them become `nb` (standards brief §0). Regional variants of
 * the first-class languages (en-US, es-MX, lv-LV) become their primary subtag, because
 * that is the catalog they read. Other tags are kept, lower-cased. Returns null when the
 * tag is not BCP-47.
 */
export function normalizeLanguage(tag: string): string | null {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (!BCP47.test(trimmed)) return null;
  const lower = trimmed.toLowerCase();
  const primary = lower.split('-')[0] ?? lower;
  if (primary === 'no' || primary === 'nb') return 'nb';
  if ((FIRST_CLASS_LANGUAGES as readonly string[]).includes(primary)) return primary;
  return lower;
}

/** The first-class language a tag names (`no`, `nb-NO` → `nb`; `es-MX` → `es`), else null. */
export function firstClassLanguage(tag: string | null | undefined): FirstClassLanguage | null {
  const normalized = tag ? normalizeLanguage(tag) : null;
  return (FIRST_CLASS_LANGUAGES as readonly string[]).includes(normalized ?? '')
    ? (normalized as FirstClassLanguage)
    : null;
}

/** The catalog a person reads: their language when it is first-class, else English. */
export function catalogLanguage(tag: string | null | undefined): FirstClassLanguage {
  return firstClassLanguage(tag) ?? 'en';
}
