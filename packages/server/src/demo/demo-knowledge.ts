import {
  KB_LANGUAGES,
  validateArticleInput,
  type KnowledgeArticle,
  type KnowledgeArticleInput,
} from '@caredesk/core';
import type { RequestAudit } from '../access/request-audit';
import type { Database } from '../storage/database';
import { KbArticleStore } from '../storage/knowledge/kb-article-store';
import { BILLING_ARTICLES } from './demo-kb-billing';
import { BREATHING_ARTICLES } from './demo-kb-breathing';
import { FINANCIAL_ARTICLES } from './demo-kb-financial';
import { GLUCOSE_ARTICLES } from './demo-kb-glucose';
import { TEST_ARTICLES } from './demo-kb-tests';
import type { DemoArticle } from './demo-kb-types';
import { demoUuid } from './ids';

/** The demo clinic's knowledge base: patient-facing and internal articles in four languages. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [
  ...GLUCOSE_ARTICLES,
  ...BREATHING_ARTICLES,
  ...TEST_ARTICLES,
  ...BILLING_ARTICLES,
  ...FINANCIAL_ARTICLES,
];

/** Id namespace of demo articles (beside ids.ts ID_NAMESPACE, which stops at 3). */
const KB_NAMESPACE = 40;

/** A demo article as an editor would have sent it, checked by the same rules. */
export function demoArticleInput(a: DemoArticle): KnowledgeArticleInput {
  const input: KnowledgeArticleInput = {
    category: a.category,
    audience: a.audience,
    translations: KB_LANGUAGES.map((language) => {
      const [title, body] = a.texts[language];
      return { language, title, body };
    }),
  };
  const checked = validateArticleInput(input);
  if (!checked.ok) throw new Error(`demo article ${a.key}: ${JSON.stringify(checked.issues)}`);
  return checked.value;
}

/**
 * Publishes the demo articles in the organization, in one transaction with their audit
 * entries (as a create by the demo loader). Ids derive from the seed, so a reload of the
 * same seed names the same articles.
 */
export async function loadDemoKnowledge(
  database: Database,
  organizationId: string,
  seed: number,
  now: Date,
  audit: RequestAudit,
): Promise<number> {
  const at = now.toISOString();
  const store = new KbArticleStore(database);
  const articles: KnowledgeArticle[] = DEMO_ARTICLES.map((a, i) => ({
    ...demoArticleInput(a),
    id: demoUuid(seed, KB_NAMESPACE, i),
    organizationId,
    status: 'published',
    version: 1,
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  }));
  await database.db.transaction().execute(async (trx) => {
    for (const article of articles) await store.insert(trx, article, null);
    await audit.inTransaction(
      trx,
      articles.map((a) => ({
        action: 'create' as const,
        resourceType: 'KnowledgeArticle',
        resourceId: a.id,
        detail: '{"source":"demo"}',
      })),
    );
  });
  return articles.length;
}
