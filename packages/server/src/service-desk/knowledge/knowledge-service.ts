import { randomUUID } from 'node:crypto';
import {
  DomainError,
  parseKbQuery,
  significantTerms,
  translationFor,
  validateArticleInput,
  type Clock,
  type KbAudience,
  type KbLanguage,
  type KbStatus,
  type KnowledgeArticle,
  type KnowledgeArticleInput,
} from '@caredesk/core';
import type { RequestAudit } from '../../access/request-audit';
import type { Database } from '../../storage/database';
import {
  checkIdempotencyKey,
  runIdempotent,
  type IdempotentResponse,
} from '../../storage/idempotency';
import { articleNotFound, KbArticleStore } from '../../storage/knowledge/kb-article-store';
import { searchArticles } from '../../storage/knowledge/kb-search';
import type { KbHit } from '../../storage/knowledge/kb-search-types';
import type { Page } from '../../storage/patients/patient-search';
import { helpArticleView, type HelpArticle } from './help-article';

/** What staff ask the knowledge base for (GET /api/kb/articles). */
export interface StaffArticleQuery {
  q?: string;
  language: KbLanguage;
  category?: string;
  /** One status; without it, drafts and published articles (archived ones only when asked). */
  status?: KbStatus;
  audience?: KbAudience;
  limit: number;
  cursor?: string;
}

/** What a patient or caregiver asks for (GET /api/help-articles). */
export interface HelpArticleQuery {
  q?: string;
  language: KbLanguage;
  category?: string;
  limit: number;
  cursor?: string;
}

/** Most articles suggested for one case. */
export const MAX_SUGGESTIONS = 5;

const RESOURCE = 'KnowledgeArticle';

/**
 * The knowledge base (issue #5 point 7): staff write articles in up to four languages,
 * publish and archive them, and search them; patients and caregivers read published
 * patient-facing articles; a case's text suggests articles to the agent working it.
 * Every change commits with its audit entry in one transaction.
 */
export class KnowledgeService {
  private readonly store: KbArticleStore;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {
    this.store = new KbArticleStore(database);
  }

  /** Staff search and list: internal and patient-facing articles, drafts included. */
  search(organizationId: string, q: StaffArticleQuery): Promise<Page<KbHit>> {
    return searchArticles(this.database.db, this.database.engine, {
      organizationId,
      language: q.language,
      query: parseKbQuery(q.q ?? ''),
      statuses: q.status ? [q.status] : ['draft', 'published'],
      audiences: q.audience ? [q.audience] : ['internal', 'patient'],
      category: q.category,
      order: 'recent',
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  /**
   * Up to five published articles (internal or patient-facing) about a free text, such as
   * a case's subject and first message: its significant words, any of them matching,
   * articles with more of them (and with them in the title) first.
   */
  async suggest(organizationId: string, text: string, language: KbLanguage): Promise<KbHit[]> {
    const query = significantTerms(text);
    if (!query) return [];
    const page = await searchArticles(this.database.db, this.database.engine, {
      organizationId,
      language,
      query,
      statuses: ['published'],
      audiences: ['internal', 'patient'],
      order: 'recent',
      limit: MAX_SUGGESTIONS,
    });
    return page.items;
  }

  /** Published patient-facing articles for the portal, by title or by relevance. */
  helpArticles(organizationId: string, q: HelpArticleQuery): Promise<Page<KbHit>> {
    return searchArticles(this.database.db, this.database.engine, {
      organizationId,
      language: q.language,
      query: parseKbQuery(q.q ?? ''),
      statuses: ['published'],
      audiences: ['patient'],
      category: q.category,
      order: 'title',
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  /** One published patient-facing article in the reader's language (else its fallback). */
  async helpArticle(
    organizationId: string,
    id: string,
    language: KbLanguage,
  ): Promise<HelpArticle> {
    const article = await this.store.get(organizationId, id);
    // A draft, an archived or an internal article is as absent to a patient as a missing one.
    if (!article || article.status !== 'published' || article.audience !== 'patient')
      throw articleNotFound();
    const shown = translationFor(article.translations, language);
    if (!shown) throw articleNotFound();
    return helpArticleView(article, shown, language);
  }

  /** The whole article, every translation, for staff. */
  async get(organizationId: string, id: string): Promise<KnowledgeArticle> {
    const article = await this.store.get(organizationId, id);
    if (!article) throw articleNotFound();
    return article;
  }

  /** A new draft. With an Idempotency-Key a retry replays the first response. */
  async create(
    organizationId: string,
    input: KnowledgeArticleInput,
    idempotency: { scope: string; key: string } | null,
    audit: RequestAudit,
  ): Promise<IdempotentResponse> {
    const now = this.clock.now().toISOString();
    const req = idempotency ? { ...idempotency, payload: input } : null;
    if (req) checkIdempotencyKey(req.key);
    const article: KnowledgeArticle = {
      ...validated(input),
      id: randomUUID(),
      organizationId,
      status: 'draft',
      version: 1,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    return runIdempotent(this.database, req, now, async (trx) => {
      await this.store.insert(trx, article, actorOf(audit));
      await audit.inTransaction(trx, {
        action: 'create',
        resourceType: RESOURCE,
        resourceId: article.id,
        detail: detailOf(article),
      });
      return { statusCode: 201, body: article };
    });
  }

  /** Replaces the text, category and audience; the status stays (a published article stays live). */
  async update(
    organizationId: string,
    id: string,
    input: KnowledgeArticleInput,
    expectedVersion: number,
    audit: RequestAudit,
  ): Promise<KnowledgeArticle> {
    const clean = validated(input);
    return this.database.db.transaction().execute(async (trx) => {
      const current = await this.store.get(organizationId, id, trx);
      if (!current) throw articleNotFound();
      const next: KnowledgeArticle = {
        ...current,
        ...clean,
        version: current.version + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      await this.store.replace(trx, next, expectedVersion, actorOf(audit));
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: RESOURCE,
        resourceId: id,
        detail: detailOf(next),
      });
      return next;
    });
  }

  /** Makes an article visible to its audience (again); a published one stays as it is. */
  publish(
    organizationId: string,
    id: string,
    expectedVersion: number | undefined,
    audit: RequestAudit,
  ): Promise<KnowledgeArticle> {
    return this.transition(organizationId, id, 'published', expectedVersion, audit);
  }

  /** Takes an article out of every list and search but keeps it; an archived one stays as it is. */
  archive(
    organizationId: string,
    id: string,
    expectedVersion: number | undefined,
    audit: RequestAudit,
  ): Promise<KnowledgeArticle> {
    return this.transition(organizationId, id, 'archived', expectedVersion, audit);
  }

  private transition(
    organizationId: string,
    id: string,
    status: 'published' | 'archived',
    expectedVersion: number | undefined,
    audit: RequestAudit,
  ): Promise<KnowledgeArticle> {
    return this.database.db.transaction().execute(async (trx) => {
      const current = await this.store.get(organizationId, id, trx);
      if (!current) throw articleNotFound();
      if (expectedVersion !== undefined && expectedVersion !== current.version)
        throw new DomainError(
          'conflict',
          'kb.article.version-conflict',
          `The article was changed by someone else (now version ${current.version}).`,
        );
      // A retried click: nothing to change, and the HTTP layer records the request.
      if (current.status === status) return current;
      const now = this.clock.now().toISOString();
      const next: KnowledgeArticle = {
        ...current,
        status,
        version: current.version + 1,
        updatedAt: now,
        publishedAt: status === 'published' ? now : current.publishedAt,
      };
      await this.store.setStatus(trx, next, current.version, actorOf(audit));
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: RESOURCE,
        resourceId: id,
        detail: JSON.stringify({ from: current.status, to: status, version: next.version }),
      });
      return next;
    });
  }
}

function validated(input: KnowledgeArticleInput): KnowledgeArticleInput {
  const result = validateArticleInput(input);
  if (!result.ok)
    throw new DomainError(
      'validation',
      'problem.validation',
      'The article has invalid fields.',
      result.issues,
    );
  return result.value;
}

function actorOf(audit: RequestAudit): string | null {
  return audit.entry({ action: 'update' }).actorId;
}

/** What the audit entry says about an article: its state and languages, never its text. */
function detailOf(a: KnowledgeArticle): string {
  return JSON.stringify({
    status: a.status,
    version: a.version,
    category: a.category,
    audience: a.audience,
    languages: a.translations.map((t) => t.language),
  });
}
