import type { KbLanguage, KbQuery } from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../schema';
import { BROAD_SEARCH, indexedWords, languageDigit, titleHoldsAll } from './kb-index-words';
import type { IndexedTranslation } from './kb-rows';
import { type KbSearchParams, type RankCursor, type RankedRow } from './kb-search-types';

/**
 * The search words as an FTS5 expression in the reader's language. Terms hold only
 * letters and digits (core foldKnowledgeText), so quoting them is enough to keep them
 * data: no FTS5 operator or column name can be spelt with them.
 */
export function ftsWords(query: KbQuery, language: KbLanguage): string {
  const digit = languageDigit(language);
  const words = query.terms
    .map((t) => `"${digit}${t.text}"${t.prefix ? ' *' : ''}`)
    .join(query.match === 'all' ? ' AND ' : ' OR ');
  return `(${words})`;
}

/**
 * How matches rank: bm25 with a title word weighing a thousand body words. bm25
 * saturates with repetition (k1 = 1.2), so a word in the title outranks the same word
 * anywhere in a body unless the body repeats it hundreds of times: title hits come first.
 * A fallback translation holds its words once per language it serves, so its length
 * counts double or more and it ranks after translations in the reader's own language.
 * https://www.sqlite.org/fts5.html#the_bm25_function
 */
const RANK = 'bm25(1000.0, 1.0)';

/** What a page shows, and the filters the index does not hold, on the joined rows. */
function display(p: KbSearchParams) {
  return {
    columns: sql`t.article_id AS id, t.language, t.title,
      t.excerpt, a.category, a.audience, a.status,
      a.version, a.updated_at, a.published_at`,
    join: sql`CROSS JOIN kb_translations t ON t.seq = hits.seq
      CROSS JOIN kb_articles a ON a.id = t.article_id
      WHERE a.organization_id = ${p.organizationId}
        AND a.status IN (${sql.join([...p.statuses])})
        AND a.audience IN (${sql.join([...p.audiences])})
        ${p.category ? sql`AND a.category = ${p.category}` : sql``}`,
  };
}

/**
 * Search on the embedded database. FTS5 reads only the reader's language's words and
 * orders the matches; the organization, status, audience and category are checked on the
 * joined rows, page by page. CROSS JOIN keeps that order
 * (https://www.sqlite.org/optoverview.html#crossjoin): left to choose, the planner walked
 * every article of the organization and ran the full-text query once for each (1.4 s at
 * 1,000 articles). A specific search is ordered by bm25, ties by rowid; a broad one
 * (BROAD_SEARCH) by title, then recency. A cursor carries its mode, so a search never
 * changes order from one page to the next.
 */
export async function searchSqlite(
  db: Kysely<Schema>,
  p: KbSearchParams & { query: KbQuery },
  after: RankCursor | null,
  limit: number,
): Promise<RankedRow[]> {
  const words = ftsWords(p.query, p.language);
  const match = `{title body} : ${words}`;
  const broad =
    p.query.match === 'all' &&
    (after
      ? after.mode === 'broad'
      : (await countUpTo(db, match, BROAD_SEARCH + 1)) > BROAD_SEARCH);
  if (!broad) return ranked(db, p, match, after, limit);
  const rows: RankedRow[] = [];
  if (!after || after.tier === 2)
    rows.push(...(await recent(db, p, `{title} : ${words}`, 2, after, limit)));
  if (rows.length < limit) {
    // Everything else that matches: FTS5's own NOT cost more than checking each row's
    // folded title (kb_translations.search_title) for the words the same way the index does.
    const from = after?.tier === 1 ? after : null;
    const rest = sql`AND NOT ${titleHoldsAll(p.query, 'instr')}`;
    rows.push(...(await recent(db, p, match, 1, from, limit - rows.length, rest)));
  }
  return rows;
}

/**
 * Match counts already taken, per database: whether a search is broad is asked on every
 * search, and counting cost as much as the page itself (FTS5 reads every matching word
 * list to count, about 0.3 ms at 10,000 articles). Staff repeat searches, and typing
 * repeats each prefix. Any index write in this process forgets them all (indexWrites);
 * another process writing the index (a second CLI) is caught by the age limit. A stale
 * count only picks the order of a search's first page, never which articles match.
 */
const matchCounts = new WeakMap<object, Map<string, { n: number; writes: number; at: number }>>();
const COUNT_MAX_AGE_MS = 30_000;
const COUNTS_KEPT = 5_000;
let indexWrites = 0;

/** How many translations match, counting no further than `cap` (FTS5 stops reading there). */
async function countUpTo(db: Kysely<Schema>, match: string, cap: number): Promise<number> {
  let counts = matchCounts.get(db);
  if (!counts) {
    counts = new Map<string, { n: number; writes: number; at: number }>();
    matchCounts.set(db, counts);
  }
  const key = `${cap} ${match}`;
  const now = Date.now();
  const known = counts.get(key);
  if (known && known.writes === indexWrites && now - known.at < COUNT_MAX_AGE_MS) return known.n;
  const writes = indexWrites;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (
    SELECT rowid FROM kb_search WHERE kb_search MATCH ${match} LIMIT ${cap})`.execute(db);
  const n = Number(r.rows[0]?.n ?? 0);
  if (counts.size >= COUNTS_KEPT) counts.delete(counts.keys().next().value!);
  counts.set(key, { n, writes, at: now });
  return n;
}

async function ranked(
  db: Kysely<Schema>,
  p: KbSearchParams,
  match: string,
  after: RankCursor | null,
  limit: number,
): Promise<RankedRow[]> {
  const { columns, join } = display(p);
  const afterRow = after
    ? sql`AND (rank > ${after.score} OR (rank = ${after.score} AND rowid > ${Number(after.id)}))`
    : sql``;
  const rows = await sql<RankedRow>`
    SELECT ${columns}, 0 AS tier, hits.score, hits.seq AS tiebreak, 'rank' AS mode
    FROM (
      SELECT rowid AS seq, rank AS score FROM kb_search
      WHERE kb_search MATCH ${match} AND rank MATCH ${RANK} ${afterRow}
      ORDER BY rank, rowid
    ) AS hits
    ${join}
    ORDER BY hits.score, hits.seq LIMIT ${limit}`.execute(db);
  return rows.rows;
}

/** One tier of a broad search, newest translation first (rowids grow with every save). */
async function recent(
  db: Kysely<Schema>,
  p: KbSearchParams,
  match: string,
  tier: number,
  after: RankCursor | null,
  limit: number,
  exclude = sql``,
): Promise<RankedRow[]> {
  const { columns, join } = display(p);
  const before = after ? sql`AND rowid < ${Number(after.id)}` : sql``;
  const rows = await sql<RankedRow>`
    SELECT ${columns}, ${tier} AS tier, 0 AS score, hits.seq AS tiebreak, 'broad' AS mode
    FROM (
      SELECT rowid AS seq FROM kb_search WHERE kb_search MATCH ${match} ${before}
      ORDER BY rowid DESC
    ) AS hits
    ${join} ${exclude}
    ORDER BY hits.seq DESC LIMIT ${limit}`.execute(db);
  return rows.rows;
}

/** Removes an article's translations from the index (before they are rewritten or deleted). */
export async function unindexSqlite(trx: Kysely<Schema>, articleId: string): Promise<void> {
  indexWrites++;
  await sql`DELETE FROM kb_search WHERE rowid IN (
    SELECT seq FROM kb_translations WHERE article_id = ${articleId})`.execute(trx);
}

/** Indexes an article's translations, already written to kb_translations. */
export async function indexSqlite(
  trx: Kysely<Schema>,
  articleId: string,
  translations: IndexedTranslation[],
): Promise<void> {
  indexWrites++;
  for (const t of translations) {
    await sql`INSERT INTO kb_search (rowid, title, body)
      SELECT seq, ${indexedWords(t.title, t.serves)}, ${indexedWords(t.body, t.serves)}
      FROM kb_translations WHERE article_id = ${articleId} AND language = ${t.language}`.execute(
      trx,
    );
  }
}
