import { DomainError, type KnowledgeArticle } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { Schema } from '../schema';
import { articleRow, indexedTranslations, rowToArticle, translationRows } from './kb-rows';
import { indexPostgres } from './kb-search-postgres';
import { indexSqlite, unindexSqlite } from './kb-search-sqlite';

export const articleNotFound = () =>
  new DomainError('not-found', 'kb.article.not-found', 'No such article.');

/**
 * Knowledge-base articles and their translations, with the engine's search index kept in
 * step inside the same transaction: an article is never searchable in a state it was
 * not saved in.
 */
export class KbArticleStore {
  constructor(private readonly database: Database) {}

  /** The article of this organization, or null (another organization's is null too). */
  async get(
    organizationId: string,
    id: string,
    db: Kysely<Schema> = this.database.db,
  ): Promise<KnowledgeArticle | null> {
    const row = await db
      .selectFrom('kb_articles')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!row) return null;
    const translations = await db
      .selectFrom('kb_translations')
      .select(['language', 'title', 'body'])
      .where('article_id', '=', id)
      .orderBy('language')
      .execute();
    return rowToArticle(row, translations);
  }

  async insert(trx: Kysely<Schema>, article: KnowledgeArticle, actor: string | null) {
    await trx.insertInto('kb_articles').values(articleRow(article, actor)).execute();
    await this.writeTranslations(trx, article);
  }

  /**
   * Replaces an article's content when it is still at `expectedVersion` (optimistic
   * concurrency: two editors never silently overwrite each other), inside `trx`.
   */
  async replace(
    trx: Kysely<Schema>,
    next: KnowledgeArticle,
    expectedVersion: number,
    actor: string | null,
  ): Promise<void> {
    const updated = await trx
      .updateTable('kb_articles')
      .set({
        category: next.category,
        audience: next.audience,
        status: next.status,
        version: next.version,
        updated_at: next.updatedAt,
        published_at: next.publishedAt,
        updated_by: actor,
      })
      .where('id', '=', next.id)
      .where('organization_id', '=', next.organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const current = await this.get(next.organizationId, next.id, trx);
      if (!current) throw articleNotFound();
      throw new DomainError(
        'conflict',
        'kb.article.version-conflict',
        `The article was changed by someone else (now version ${current.version}).`,
      );
    }
    await this.writeTranslations(trx, next);
  }

  /** Moves an article to another status (publish, archive); its text stays as it is. */
  async setStatus(
    trx: Kysely<Schema>,
    next: KnowledgeArticle,
    expectedVersion: number,
    actor: string | null,
  ): Promise<void> {
    const updated = await trx
      .updateTable('kb_articles')
      .set({
        status: next.status,
        version: next.version,
        updated_at: next.updatedAt,
        published_at: next.publishedAt,
        updated_by: actor,
      })
      .where('id', '=', next.id)
      .where('organization_id', '=', next.organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new DomainError(
        'conflict',
        'kb.article.version-conflict',
        'The article was changed by someone else.',
      );
  }

  private async writeTranslations(trx: Kysely<Schema>, article: KnowledgeArticle) {
    if (this.database.engine === 'sqlite') await unindexSqlite(trx, article.id);
    await trx.deleteFrom('kb_translations').where('article_id', '=', article.id).execute();
    await trx.insertInto('kb_translations').values(translationRows(article)).execute();
    const indexed = indexedTranslations(article);
    if (this.database.engine === 'sqlite') await indexSqlite(trx, article.id, indexed);
    else await indexPostgres(trx, article.id, indexed);
  }
}
