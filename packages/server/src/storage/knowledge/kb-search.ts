import { DomainError, type KbAudience, type KbLanguage, type KbStatus } from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Engine } from '../database';
import type { Page } from '../patients/patient-search';
import type { Schema } from '../schema';
import { searchPostgres } from './kb-search-postgres';
import { searchSqlite } from './kb-search-sqlite';
import {
  type KbHit,
  type KbHitRow,
  type KbSearchParams,
  type RankCursor,
  type RankedRow,
} from './kb-search-types';

function toHit(row: KbHitRow, reader: KbLanguage): KbHit {
  return {
    id: row.id,
    category: row.category,
    audience: row.audience as KbAudience,
    status: row.status as KbStatus,
    version: Number(row.version),
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    language: row.language as KbLanguage,
    title: row.title,
    excerpt: row.excerpt,
    fallback: row.language !== reader,
  };
}

/**
 * Articles for a reader: with words, ranked (engine-specific, kb-search-sqlite.ts and
 * kb-search-postgres.ts); without, listed in the order asked for. Every value is a bound
 * parameter. Pages are keyset pages (architecture rule 8), never offsets.
 */
export async function searchArticles(
  db: Kysely<Schema>,
  engine: Engine,
  p: KbSearchParams,
): Promise<Page<KbHit>> {
  if (p.query) {
    const after = p.cursor ? decodeRankCursor(p.cursor) : null;
    const search = engine === 'sqlite' ? searchSqlite : searchPostgres;
    const rows: RankedRow[] = await search(db, { ...p, query: p.query }, after, p.limit + 1);
    const page = rows.slice(0, p.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toHit(r, p.language)),
      nextCursor:
        rows.length > p.limit && last
          ? encodeCursor([last.mode, String(last.tier), String(last.score), String(last.tiebreak)])
          : null,
    };
  }
  return listArticles(db, p);
}

/** A well-formed cursor of another list (a ranked page's cursor on a plain list, say). */
function badCursor(): never {
  throw new DomainError(
    'validation',
    'validation.cursor.invalid',
    'The page cursor is not valid.',
    [{ path: 'cursor', messageKey: 'validation.cursor.invalid', detail: 'cursor of another list' }],
  );
}

function decodeRankCursor(cursor: string): RankCursor {
  const [mode, tier, score, id] = decodeCursor(cursor, 4);
  if (
    (mode !== 'rank' && mode !== 'broad') ||
    !Number.isFinite(Number(tier)) ||
    !Number.isFinite(Number(score))
  )
    return badCursor();
  return { mode, tier: Number(tier), score: Number(score), id: id! };
}

/** Which translation a reader of `language` is shown: their own, else the fallback one. */
export function servesLanguage(language: KbLanguage) {
  return sql<boolean>`(t.language = ${language} OR (t.fallback = 1 AND NOT EXISTS (
    SELECT 1 FROM kb_translations own
    WHERE own.article_id = t.article_id AND own.language = ${language})))`;
}

async function listArticles(db: Kysely<Schema>, p: KbSearchParams): Promise<Page<KbHit>> {
  const order = p.order;
  let q = db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_translations as t', 't.article_id', 'a.id')
    .select([
      'a.id',
      't.language',
      't.title',
      't.excerpt',
      'a.category',
      'a.audience',
      'a.status',
      'a.version',
      'a.updated_at',
      'a.published_at',
      't.search_title',
    ])
    .where('a.organization_id', '=', p.organizationId)
    .where('a.status', 'in', [...p.statuses])
    .where('a.audience', 'in', [...p.audiences])
    .where(servesLanguage(p.language));
  if (p.category) q = q.where('a.category', '=', p.category);
  if (p.cursor) {
    const [kind, key, id] = decodeCursor(p.cursor, 3);
    if (kind !== order) badCursor();
    q =
      order === 'recent'
        ? q.where((eb) =>
            eb.or([
              eb('a.updated_at', '<', key!),
              eb.and([eb('a.updated_at', '=', key!), eb('a.id', '<', id!)]),
            ]),
          )
        : q.where((eb) =>
            eb.or([
              eb('t.search_title', '>', key!),
              eb.and([eb('t.search_title', '=', key!), eb('a.id', '>', id!)]),
            ]),
          );
  }
  q =
    order === 'recent'
      ? q.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc')
      : q.orderBy('t.search_title', 'asc').orderBy('a.id', 'asc');
  const rows = await q.limit(p.limit + 1).execute();
  const page = rows.slice(0, p.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toHit(r, p.language)),
    nextCursor:
      rows.length > p.limit && last
        ? encodeCursor([order, order === 'recent' ? last.updated_at : last.search_title, last.id])
        : null,
  };
}
