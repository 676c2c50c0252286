import type {
  KbAudience,
  KbLanguage,
  KbStatus,
  KnowledgeArticle,
  KnowledgeArticleInput,
} from '@caredesk/core/service-desk';
import { api } from '../api/client';

/** One article in a list of results, in the translation the reader is shown. */
export interface KbHit {
  id: string;
  category: string;
  audience: KbAudience;
  status: KbStatus;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  language: KbLanguage;
  title: string;
  excerpt: string;
  /** The article has no translation in the language asked for. */
  fallback: boolean;
}

export interface KbPage {
  items: KbHit[];
  nextCursor: string | null;
  requestedLanguage: KbLanguage;
}

export interface StaffSearch {
  q: string;
  language: KbLanguage;
  category: string;
  status: KbStatus | '';
}

function query(params: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  return search.toString();
}

/** GET /api/kb/articles: staff search (ranked) or list (most recently changed first). */
export const searchArticles = (s: StaffSearch, cursor: string | null) =>
  api<KbPage>('GET', `/api/kb/articles?${query({ ...s, q: s.q.trim(), limit: '20', cursor })}`);

export const fetchArticle = (id: string) =>
  api<KnowledgeArticle>('GET', `/api/kb/articles/${encodeURIComponent(id)}`);

export const createArticle = (input: KnowledgeArticleInput) =>
  api<KnowledgeArticle>('POST', '/api/kb/articles', input);

/** Saves with the version the editor started from: a newer one on the server is a 409. */
export const saveArticle = (id: string, input: KnowledgeArticleInput, version: number) =>
  api<KnowledgeArticle>('PUT', `/api/kb/articles/${encodeURIComponent(id)}`, {
    ...input,
    version,
  });

export const changeStatus = (id: string, to: 'publish' | 'archive', version: number) =>
  api<KnowledgeArticle>('POST', `/api/kb/articles/${encodeURIComponent(id)}/${to}`, {
    version,
  });

/** A published patient-facing article as the portal shows it. */
export interface HelpArticle {
  id: string;
  category: string;
  requestedLanguage: KbLanguage;
  language: KbLanguage;
  fallback: boolean;
  title: string;
  body: string;
  languages: KbLanguage[];
  updatedAt: string;
  publishedAt: string | null;
}

/** GET /api/help-articles: by title, or by relevance when there are words. */
export const searchHelpArticles = (
  s: { q: string; category: string; language: KbLanguage },
  cursor: string | null,
) =>
  api<KbPage>('GET', `/api/help-articles?${query({ ...s, q: s.q.trim(), limit: '20', cursor })}`);

export const fetchHelpArticle = (id: string, language: KbLanguage) =>
  api<HelpArticle>('GET', `/api/help-articles/${encodeURIComponent(id)}?${query({ language })}`);
