import type { KbAudience, KbLanguage, KbQuery, KbStatus } from '@caredesk/core';

/** What a reader may see and how the results are ordered. */
export interface KbSearchParams {
  organizationId: string;
  /** The reader's language: each article is shown in it, else in its fallback translation. */
  language: KbLanguage;
  /** Words to match; null lists every article the filters allow. */
  query: KbQuery | null;
  statuses: readonly KbStatus[];
  audiences: readonly KbAudience[];
  category?: string;
  /** Order of a list without words: most recently changed first, or by title. */
  order: 'recent' | 'title';
  limit: number;
  cursor?: string;
}

/** One article in a list of results, in the translation the reader is shown. */
export interface KbHit {
  id: string;
  category: string;
  audience: KbAudience;
  status: KbStatus;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  /** The language of the title and excerpt shown. */
  language: KbLanguage;
  title: string;
  excerpt: string;
  /** True when the article has no translation in the reader's language. */
  fallback: boolean;
}

/** A search row as the engines return it, before the excerpt is cut. */
export interface KbHitRow {
  id: string;
  language: string;
  title: string;
  excerpt: string;
  category: string;
  audience: string;
  status: string;
  version: number | string;
  updated_at: string;
  published_at: string | null;
}

/**
 * A ranked row: tier (more first: title words found, on PostgreSQL; always 0 on SQLite,
 * whose score weighs title words itself), the engine's score (lower first), then a
 * tie-break unique per row (article id on PostgreSQL, index rowid on SQLite).
 */
export interface RankedRow extends KbHitRow {
  tier: number | string;
  score: number | string;
  tiebreak: number | string;
  /** How the search orders (kb-search-sqlite.ts BROAD_SEARCH); a cursor keeps it. */
  mode: 'rank' | 'broad';
}

/** Keyset position in a ranked result: tier, score and tie-break of the last row shown. */
export interface RankCursor {
  mode: 'rank' | 'broad';
  tier: number;
  score: number;
  id: string;
}
