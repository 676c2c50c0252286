import type { KbLanguage, KbTranslation, KnowledgeArticle } from '@caredesk/core';

/** A published patient-facing article as the portal shows it: one translation, never drafts. */
export interface HelpArticle {
  id: string;
  category: string;
  /** The language the reader asked for. */
  requestedLanguage: KbLanguage;
  /** The language of the title and body shown. */
  language: KbLanguage;
  /** True when the article is not written in the reader's language, so another is shown. */
  fallback: boolean;
  title: string;
  body: string;
  /** Every language the article is written in, so the reader may switch. */
  languages: KbLanguage[];
  updatedAt: string;
  publishedAt: string | null;
}

export function helpArticleView(
  article: KnowledgeArticle,
  shown: { translation: KbTranslation; fallback: boolean },
  requestedLanguage: KbLanguage,
): HelpArticle {
  return {
    id: article.id,
    category: article.category,
    requestedLanguage,
    language: shown.translation.language,
    fallback: shown.fallback,
    title: shown.translation.title,
    body: shown.translation.body,
    languages: article.translations.map((t) => t.language),
    updatedAt: article.updatedAt,
    publishedAt: article.publishedAt,
  };
}
