import { KB_LANGUAGES, type KbLanguage, type KbQuery } from '@caredesk/core';
import { sql, type RawBuilder } from 'kysely';

/**
 * How both engines index words (migration 0013): every folded word with a one-digit
 * prefix per language the translation is shown in ("2analisis" for Spanish; an English
 * fallback of an article without Spanish also gets "2..."). A search in one language then
 * reads only that language's part of each word list. Filtering by a separate language
 * token instead made every search read a list as long as the language's whole share of
 * the knowledge base (2 ms at 10,000 articles on SQLite, found or not; on PostgreSQL a
 * weight-restricted token forced a recheck of every candidate's tsvector).
 */
export const languageDigit = (l: KbLanguage): string => String(KB_LANGUAGES.indexOf(l) + 1);

/** Folded text as indexed for readers of each language it serves: "2analisis 2de 2sangre". */
export function indexedWords(folded: string, serves: readonly KbLanguage[]): string {
  const words = folded.split(' ').filter(Boolean);
  return serves.flatMap((l) => words.map((w) => `${languageDigit(l)}${w}`)).join(' ');
}

/**
 * Above this many matching translations a search is "broad" (a common word, a two-letter
 * prefix). Ranking would score every match before keeping a page (FTS5 bm25 about 2 µs
 * each, so 10 ms for 5,000 matches; PostgreSQL reads every match's tsvector for
 * ts_rank), and among thousands of near-equal scores it tells a reader little. A broad
 * search lists the translations whose title holds every word first, then the others,
 * each most recently written first: a page costs about the same however many match.
 */
export const BROAD_SEARCH = 200;

/**
 * Whether the folded title (`t.search_title`) holds every word the way the index matches
 * it: whole words, and the word being typed as the start of one. Folded text is words of
 * letters and digits separated by single spaces, exactly the indexed tokens. `find` is
 * the engine's substring position function (instr on SQLite, strpos on PostgreSQL).
 */
export function titleHoldsAll(query: KbQuery, find: 'instr' | 'strpos'): RawBuilder<boolean> {
  const fn = sql.raw(find);
  return sql<boolean>`(${sql.join(
    query.terms.map((t) =>
      t.prefix
        ? sql`${fn}(' ' || t.search_title, ${` ${t.text}`}) > 0`
        : sql`${fn}(' ' || t.search_title || ' ', ${` ${t.text} `}) > 0`,
    ),
    sql` AND `,
  )})`;
}
