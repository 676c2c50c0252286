import {
  articleExcerpt,
  fallbackTranslation,
  foldKnowledgeText,
  languagesServed,
  type KbAudience,
  type KbLanguage,
  type KbStatus,
  type KbTranslation,
  type KnowledgeArticle,
} from '@caredesk/core';
import type { Insertable, Selectable } from 'kysely';
import type { KbArticlesTable, KbTranslationsTable } from './kb-tables';

export function articleRow(a: KnowledgeArticle, actor: string | null): Insertable<KbArticlesTable> {
  return {
    id: a.id,
    organization_id: a.organizationId,
    category: a.category,
    audience: a.audience,
    status: a.status,
    version: a.version,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    published_at: a.publishedAt,
    created_by: actor,
    updated_by: actor,
  };
}

export function translationRows(a: KnowledgeArticle): Insertable<KbTranslationsTable>[] {
  const fallback = fallbackTranslation(a.translations)?.language;
  return a.translations.map((t) => ({
    article_id: a.id,
    language: t.language,
    title: t.title,
    body: t.body,
    search_title: foldKnowledgeText(t.title),
    excerpt: articleExcerpt(t.body),
    fallback: t.language === fallback ? 1 : 0,
  }));
}

/** What the search index holds for one translation: folded text and where it is shown. */
export interface IndexedTranslation {
  language: KbLanguage;
  title: string;
  body: string;
  /** The languages whose readers are shown this translation (languagesServed). */
  serves: KbLanguage[];
}

export function indexedTranslations(a: KnowledgeArticle): IndexedTranslation[] {
  return a.translations.map((t) => ({
    language: t.language,
    title: foldKnowledgeText(t.title),
    body: foldKnowledgeText(t.body),
    serves: languagesServed(a.translations, t),
  }));
}

export function rowToArticle(
  row: Selectable<KbArticlesTable>,
  translations: Array<Pick<Selectable<KbTranslationsTable>, 'language' | 'title' | 'body'>>,
): KnowledgeArticle {
  return {
    id: row.id,
    organizationId: row.organization_id,
    category: row.category,
    audience: row.audience as KbAudience,
    status: row.status as KbStatus,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    translations: translations.map((t): KbTranslation => ({
      language: t.language as KbLanguage,
      title: t.title,
      body: t.body,
    })),
  };
}
