import {
  KB_LANGUAGES,
  type KbAudience,
  type KbLanguage,
  type KnowledgeArticle,
  type KnowledgeArticleInput,
} from '@caredesk/core/service-desk';

/** What the editor holds: every language's title and text, written or not. */
export interface ArticleDraft {
  category: string;
  audience: KbAudience;
  texts: Record<KbLanguage, { title: string; body: string }>;
}

const empty = () => ({ title: '', body: '' });

export function draftOf(article: KnowledgeArticle | null): ArticleDraft {
  const texts = Object.fromEntries(KB_LANGUAGES.map((l) => [l, empty()])) as ArticleDraft['texts'];
  for (const t of article?.translations ?? []) texts[t.language] = { title: t.title, body: t.body };
  return {
    category: article?.category ?? 'devices',
    audience: article?.audience ?? 'patient',
    texts,
  };
}

/** Whether a language has anything written in it. */
export const written = (d: ArticleDraft, l: KbLanguage) =>
  d.texts[l].title.trim() !== '' || d.texts[l].body.trim() !== '';

/** The draft as the API takes it: the languages written in, and no others. */
export function inputOf(d: ArticleDraft): KnowledgeArticleInput {
  return {
    category: d.category,
    audience: d.audience,
    translations: KB_LANGUAGES.filter((l) => written(d, l)).map((language) => ({
      language,
      ...d.texts[language],
    })),
  };
}

export const sameDraft = (a: ArticleDraft, b: ArticleDraft) =>
  JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));
