/**
 * A knowledge-base article (issue #5 point 7): one piece of help, written once and
 * translated into the four languages CareDesk serves. Staff read internal and
 * patient-facing articles; patients and caregivers read only published patient-facing
 * ones, in their own language when it exists, else in the article's fallback language.
 */

/** The languages an article may be written in: the four catalogs CareDesk ships. */
export const KB_LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

/**
 * Built-in categories. Administrators may add more, so a category is a code string
 * (lower-case words joined by hyphens); these are the ones every organization starts with.
 */
export const BUILT_IN_KB_CATEGORIES = [
  'devices',
  'medications',
  'test-preparation',
  'insurance-billing',
  'financial-help',
] as const;
export type BuiltInKbCategory = (typeof BUILT_IN_KB_CATEGORIES)[number];

/** Who an article is for: staff only, or patients and caregivers as well. */
export const KB_AUDIENCES = ['internal', 'patient'] as const;
export type KbAudience = (typeof KB_AUDIENCES)[number];

/** A draft is being written; published is live; archived is kept but no longer shown. */
export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

/**
 * One language version of an article. The body is plain text with a few markdown-like
 * conventions (blank-line paragraphs, "- " bullets, "1. " steps, "## " headings); it is
 * never HTML and is always shown as text (article-blocks.ts).
 */
export interface KbTranslation {
  language: KbLanguage;
  title: string;
  body: string;
}

export interface KnowledgeArticle {
  id: string;
  organizationId: string;
  category: string;
  audience: KbAudience;
  status: KbStatus;
  translations: KbTranslation[];
  /** Starts at 1 and grows with every change: the optimistic-concurrency token. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When it was last published; null while it has never been. */
  publishedAt: string | null;
}

/** What an editor sends: everything but identity, status and bookkeeping. */
export interface KnowledgeArticleInput {
  category: string;
  audience: KbAudience;
  translations: KbTranslation[];
}

/**
 * The translation a reader of `language` is shown, and whether it is their own: their
 * language when the article has it, else English, else the first language it is written in.
 */
export function translationFor(
  translations: readonly KbTranslation[],
  language: KbLanguage,
): { translation: KbTranslation; fallback: boolean } | null {
  const own = translations.find((t) => t.language === language);
  if (own) return { translation: own, fallback: false };
  const fallback = fallbackTranslation(translations);
  return fallback ? { translation: fallback, fallback: true } : null;
}

/** The version shown to readers whose language the article lacks: English when written, else the first in KB_LANGUAGES order. */
export function fallbackTranslation(
  translations: readonly KbTranslation[],
): KbTranslation | undefined {
  for (const language of KB_LANGUAGES) {
    const t = translations.find((x) => x.language === language);
    if (t) return t;
  }
  return undefined;
}

/** The languages a translation serves: its own, plus every language the article lacks when it is the fallback. */
export function languagesServed(
  translations: readonly KbTranslation[],
  translation: KbTranslation,
): KbLanguage[] {
  if (fallbackTranslation(translations)?.language !== translation.language)
    return [translation.language];
  const written = new Set(translations.map((t) => t.language));
  return KB_LANGUAGES.filter((l) => l === translation.language || !written.has(l));
}

export function isKbLanguage(value: string): value is KbLanguage {
  return (KB_LANGUAGES as readonly string[]).includes(value);
}
