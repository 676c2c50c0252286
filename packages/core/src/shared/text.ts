/**
 * Search folding: NFKD, strip combining marks, lower-case. "José", "JOSE" and the
 * decomposed "Jose\u0301" all fold to "jose", so a typeahead finds each from the others.
 */
export function foldForSearch(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .trim();
}

/** Letters a folded name keeps, without spaces or punctuation (O'Brien -> obrien). */
export function compactFold(input: string): string {
  return foldForSearch(input).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Characters that reorder or hide text (bidi overrides, zero-width) and have no place in a name. */
// U+200C/U+200D (ZWNJ/ZWJ) are left out: Persian and Indic names and emoji sequences need them.
const INVISIBLE_OR_BIDI = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
// C0 controls and DEL: NUL bytes and escape sequences have no place in a name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/u;

/** Why a person-entered string is unacceptable, or null when it is fine. */
export function textProblem(value: string, maxCodePoints: number): string | null {
  if (CONTROL.test(value)) return 'control-character';
  // A lone UTF-16 surrogate is not text: it cannot be stored as UTF-8 without loss.
  if (/\p{Cs}/u.test(value)) return 'invalid-character';
  if (INVISIBLE_OR_BIDI.test(value)) return 'invisible-character';
  if ([...value].length > maxCodePoints) return 'too-long';
  // A combining-mark flood ("Zalgo") renders over neighbouring lines; real names use a few.
  if (/\p{M}{4,}/u.test(value.normalize('NFD'))) return 'combining-flood';
  return null;
}

/** Stored names are NFC so that composed and decomposed input compare equal. */
export function canonicalText(value: string): string {
  return value.normalize('NFC').trim();
}
