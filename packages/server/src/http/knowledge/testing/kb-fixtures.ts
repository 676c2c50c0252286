import { randomUUID } from 'node:crypto';
import type { KbStatus, KnowledgeArticle, KnowledgeArticleInput } from '@caredesk/core';
import type { Database } from '../../../storage/database';
import { KbArticleStore } from '../../../storage/knowledge/kb-article-store';

/** A small valid article as an editor would send it. */
export const articleInput = (title = 'Cleaning a glucose meter'): KnowledgeArticleInput => ({
  category: 'devices',
  audience: 'patient',
  translations: [{ language: 'en', title, body: 'Wipe the meter with a damp cloth.' }],
});

/**
 * An article written straight to storage (for tests that need one to exist before the
 * request under test), version 1, in the given organization and status.
 */
export async function storedArticle(
  database: Database,
  organizationId: string,
  status: KbStatus = 'draft',
  input: KnowledgeArticleInput = articleInput(),
): Promise<KnowledgeArticle> {
  const at = '2026-11-24T10:00:00.000Z';
  const article: KnowledgeArticle = {
    ...input,
    id: randomUUID(),
    organizationId,
    status,
    version: 1,
    createdAt: at,
    updatedAt: at,
    publishedAt: status === 'published' ? at : null,
  };
  const store = new KbArticleStore(database);
  await database.db.transaction().execute((trx) => store.insert(trx, article, null));
  return article;
}
