import { foldForSearch } from '../../shared/text';
import { STOPWORDS } from './stopwords';

/**
 * Letters that carry no combining mark to strip, written the way a keyboard without them
 * spells them: Norwegian æ and ø (å already folds to a), and a few neighbours.
 */
const SPELLED_OUT: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Knowledge-base search text: the registry's folding (NFKD, combining marks stripped,
 * lower case; shared/text.ts) plus the letters above, with anything that is not a letter
 * or digit turned into a single space. "Diabētes", "DIABETES" and "diabetes" all fold to
 * "diabetes"; "Søvnapné" to "sovnapne"; "Señal" to "senal". Both storage engines index
 * this text and queries are folded the same way, so the two can never disagree.
 */
export function foldKnowledgeText(input: string): string {
  return foldForSearch(input)
    .replace(/[æøœßłđðþı]/g, (c) => SPELLED_OUT[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Longest query word kept, in characters; longer input is cut there. */
export const MAX_TERM_LENGTH = 40;
/** Most words a search uses; later ones are ignored. */
export const MAX_QUERY_TERMS = 8;

/** One folded search word; a prefix term also matches longer words starting with it. */
export interface KbTerm {
  text: string;
  prefix: boolean;
}

/**
 * A parsed search. `all`: every term must appear (the search box). `any`: at least one
 * must, and articles matching more of them rank higher (suggestions from a case's text).
 */
export interface KbQuery {
  terms: KbTerm[];
  match: 'all' | 'any';
}

/**
 * Words of a search box, folded; the last one is matched as a prefix, since the reader may
 * still be typing it. One-letter words are dropped: as a prefix they would match nearly
 * everything. Returns null when nothing searchable is left.
 */
export function parseKbQuery(q: string): KbQuery | null {
  // A word typed twice asks for nothing more than once.
  const words = [
    ...new Set(
      foldKnowledgeText(q.slice(0, 2_000))
        .split(' ')
        .filter((w) => [...w].length >= 2)
        .map((w) => [...w].slice(0, MAX_TERM_LENGTH).join('')),
    ),
  ].slice(0, MAX_QUERY_TERMS);
  if (words.length === 0) return null;
  return {
    terms: words.map((text, i) => ({ text, prefix: i === words.length - 1 })),
    match: 'all',
  };
}

/** Most words taken from a case's text to suggest articles. */
export const MAX_SUGGESTION_TERMS = 12;

/**
 * The words of a free text (a case's subject and first message) that say what it is about:
 * folded, without the stopwords of any of the four languages, numbers or very short words,
 * each once, in order of appearance. Words of five letters or more are matched as prefixes,
 * and longer ones are first cut by two letters ("glikozes" → "glikoz*", "meters" →
 * "meter*"), so that other inflections of the same word still match: Latvian and Spanish
 * inflect heavily, and no stemmer ships for Latvian.
 */
export function significantTerms(text: string): KbQuery | null {
  const seen = new Map<string, KbTerm>();
  for (const word of foldKnowledgeText(text.slice(0, 20_000)).split(' ')) {
    if (word.length < 3 || /^\p{N}+$/u.test(word) || STOPWORDS.has(word)) continue;
    const stem = (word.length >= 6 ? word.slice(0, Math.max(5, word.length - 2)) : word).slice(
      0,
      MAX_TERM_LENGTH,
    );
    if (!seen.has(stem)) seen.set(stem, { text: stem, prefix: stem.length >= 5 });
    if (seen.size >= MAX_SUGGESTION_TERMS) break;
  }
  return seen.size === 0 ? null : { terms: [...seen.values()], match: 'any' };
}
