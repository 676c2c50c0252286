/**
 * Knowledge-base tables (migration 0013). The search index beside them differs by engine
 * and is reached only through kb-search-*.ts: on SQLite the FTS5 table kb_search (rowid =
 * kb_translations.seq), on PostgreSQL the tsvector column kb_translations.search_document.
 */
export interface KbArticlesTable {
  id: string;
  organization_id: string;
  category: string;
  audience: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** Account that created / last changed it (the audit trail says the rest). */
  created_by: string | null;
  updated_by: string | null;
}

export interface KbTranslationsTable {
  article_id: string;
  language: string;
  title: string;
  body: string;
  /** The title folded for search (foldKnowledgeText): title hits rank first, lists sort by it. */
  search_title: string;
  /** The opening words a list of results shows (core articleExcerpt). */
  excerpt: string;
  /** 0/1: the translation shown to readers of a language the article lacks (translationFor). */
  fallback: number;
}
