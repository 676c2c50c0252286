import type { KbAudience, KbLanguage } from '@caredesk/core';

/**
 * One demo knowledge-base article: written for this demo clinic, in all four languages
 * (title, then body in the knowledge base's plain-text conventions, article-blocks.ts).
 */
export interface DemoArticle {
  /** Stable name, for tests and for the article's demo id. */
  key: string;
  category: string;
  audience: KbAudience;
  texts: Record<KbLanguage, readonly [title: string, body: string]>;
}
