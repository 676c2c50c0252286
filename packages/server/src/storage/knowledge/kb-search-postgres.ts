import type { KbLanguage, KbQuery } from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../schema';
import { BROAD_SEARCH, indexedWords, languageDigit, titleHoldsAll } from './kb-index-words';
import type { IndexedTranslation } from './kb-rows';
import type { KbSearchParams, RankCursor, RankedRow } from './kb-search-types';

/**
 * The tsquery text (to_tsquery 'simple') for folded terms in the reader's language, the
 * word being typed by prefix. Terms hold only letters and digits, so quoting them keeps
 * them data.
 */
export function tsQueryText(query: KbQuery, language: KbLanguage): string {
  const digit = languageDigit(language);
  return query.terms
    .map((t) => `'${digit}${t.text}'${t.prefix ? ':*' : ''}`)
    .join(query.match === 'all' ? ' & ' : ' | ');
}

/**
 * Search on PostgreSQL, in the same order as on SQLite (kb-search-sqlite.ts): a specific
 * search by how many of the words the title holds, then relevance (ts_rank with title
 * words, weight A, counting 1.0 and body words, B, 0.4; negated so lower sorts first,
 * float8 so a cursor round-trips it), then article; a broad one (BROAD_SEARCH) by title,
 * then recency (seq grows with every save). The matches are a MATERIALIZED CTE, read
 * once through the GIN index: without planner statistics (right after a bulk load) the
 * planner otherwise walked every article and probed the index once for each (80 s for
 * one search at 10,000 articles).
 */
export async function searchPostgres(
  db: Kysely<Schema>,
  p: KbSearchParams & { query: KbQuery },
  after: RankCursor | null,
  limit: number,
): Promise<RankedRow[]> {
  const query = tsQueryText(p.query, p.language);
  const broad =
    p.query.match === 'all' &&
    (after
      ? after.mode === 'broad'
      : (await countUpTo(db, query, BROAD_SEARCH + 1)) > BROAD_SEARCH);
  const holdsAll = titleHoldsAll(p.query, 'strpos');
  const tier = broad
    ? sql`CASE WHEN ${holdsAll} THEN 2 ELSE 1 END`
    : sql.join(
        p.query.terms.map(
          (t) => sql`(${titleHoldsAll({ match: 'all', terms: [t] }, 'strpos')})::int`,
        ),
        sql` + `,
      );
  const score = broad
    ? sql`0::float8`
    : sql`(-ts_rank('{0, 0, 0.4, 1}', t.search_document, q))::float8`;
  const tiebreak = broad ? sql`t.seq` : sql`t.article_id`;
  // Broad: newest first, so the tie-break runs the other way.
  const afterRow = !after
    ? sql``
    : broad
      ? sql`AND (tier < ${after.tier} OR (tier = ${after.tier} AND tiebreak < ${after.id}))`
      : sql`AND (tier < ${after.tier} OR (tier = ${after.tier} AND (score > ${after.score}
          OR (score = ${after.score} AND tiebreak > ${after.id}))))`;
  const rows = await sql<RankedRow>`
    WITH hits AS MATERIALIZED (
      SELECT t.article_id, t.language, t.title, t.excerpt,
        (${tier})::int AS tier, ${score} AS score, ${tiebreak} AS tiebreak
      FROM kb_translations t, to_tsquery('simple', ${query}) AS q
      WHERE t.search_document @@ q
    )
    SELECT hits.article_id AS id, hits.language, hits.title, hits.excerpt, a.category,
      a.audience, a.status, a.version, a.updated_at, a.published_at, hits.tier, hits.score,
      hits.tiebreak, ${sql.lit(broad ? 'broad' : 'rank')} AS mode
    FROM hits JOIN kb_articles a ON a.id = hits.article_id
    WHERE a.organization_id = ${p.organizationId}
      AND a.status IN (${sql.join([...p.statuses])})
      AND a.audience IN (${sql.join([...p.audiences])})
      ${p.category ? sql`AND a.category = ${p.category}` : sql``}
      ${afterRow}
    ORDER BY hits.tier DESC, ${broad ? sql`hits.tiebreak DESC` : sql`hits.score ASC, hits.tiebreak ASC`}
    LIMIT ${limit}`.execute(db);
  return rows.rows;
}

/** How many translations match, counting no further than `cap`. */
async function countUpTo(db: Kysely<Schema>, query: string, cap: number): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM (
    SELECT 1 FROM kb_translations WHERE search_document @@ to_tsquery('simple', ${query})
    LIMIT ${cap}) AS m`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Writes the tsvector of an article's translations, already written to kb_translations. */
export async function indexPostgres(
  trx: Kysely<Schema>,
  articleId: string,
  translations: IndexedTranslation[],
): Promise<void> {
  for (const t of translations) {
    await sql`UPDATE kb_translations SET search_document =
        setweight(to_tsvector('simple', ${indexedWords(t.title, t.serves)}), 'A')
        || setweight(to_tsvector('simple', ${indexedWords(t.body, t.serves)}), 'B')
      WHERE article_id = ${articleId} AND language = ${t.language}`.execute(trx);
  }
}
