import { negotiateLanguage, type KbLanguage } from '@caredesk/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { KnowledgeService } from '../../service-desk/knowledge/knowledge-service';
import { organizationOf } from '../access/organization';
import { withPermission, type RoutePolicy } from '../access/route-policy';
import { idParams } from '../patients/patient-schemas';
import {
  articleInputSchema,
  articleUpdateSchema,
  helpArticleQuery,
  helpArticlesQuery,
  staffArticlesQuery,
  suggestionsQuery,
  transitionSchema,
} from './knowledge-schemas';

export interface KnowledgeRouteDeps {
  knowledge: KnowledgeService;
}

const tags = ['knowledge-base'];
const RESOURCE = 'KnowledgeArticle';

/**
 * Patients and caregivers read the help articles as well as staff: any signed-in
 * principal may, and the service returns published patient-facing articles only.
 */
const SIGNED_IN: { policy: RoutePolicy } = { policy: { kind: 'authenticated' } };

/** The language asked for, else the one the request's Accept-Language prefers. */
function readerLanguage(req: FastifyRequest, asked: KbLanguage | undefined): KbLanguage {
  return asked ?? negotiateLanguage(req.headers['accept-language']);
}

/**
 * The knowledge base under /api: staff search, read and (kb.manage) write articles;
 * `/help-articles` is the portal's read-only view. Writes are audited in the same
 * transaction as the change; reads are not (articles are not patient data).
 */
export const knowledgeRoutes =
  (deps: KnowledgeRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/kb/articles',
      { schema: { querystring: staffArticlesQuery, tags }, config: withPermission('kb.read') },
      async (req) => {
        const { language, ...rest } = req.query;
        const reader = readerLanguage(req, language);
        const page = await deps.knowledge.search(organizationOf(req), {
          ...rest,
          language: reader,
        });
        return { ...page, requestedLanguage: reader };
      },
    );

    app.get(
      '/kb/articles/:id',
      { schema: { params: idParams, tags }, config: withPermission('kb.read') },
      async (req) => deps.knowledge.get(organizationOf(req), req.params.id),
    );

    app.post(
      '/kb/articles',
      {
        schema: { body: articleInputSchema, tags },
        config: withPermission('kb.manage', 'create', RESOURCE),
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const idempotency =
          typeof key === 'string'
            ? {
                scope: `POST /api/kb/articles ${req.audit.entry({ action: 'create' }).actorId ?? ''}`,
                key,
              }
            : null;
        const result = await deps.knowledge.create(
          organizationOf(req),
          req.body,
          idempotency,
          req.audit,
        );
        const body = result.body as { id: string };
        if (result.replayed) reply.header('Idempotent-Replayed', 'true');
        return reply
          .code(result.statusCode)
          .header('Location', `/api/kb/articles/${body.id}`)
          .send(body);
      },
    );

    app.put(
      '/kb/articles/:id',
      {
        schema: { params: idParams, body: articleUpdateSchema, tags },
        config: withPermission('kb.manage', 'update', RESOURCE),
      },
      async (req) => {
        const { version, ...input } = req.body;
        return deps.knowledge.update(organizationOf(req), req.params.id, input, version, req.audit);
      },
    );

    for (const [path, transition] of [
      ['publish', 'publish'],
      ['archive', 'archive'],
    ] as const) {
      app.post(
        `/kb/articles/:id/${path}`,
        {
          schema: { params: idParams, body: transitionSchema, tags },
          config: withPermission('kb.manage', 'update', RESOURCE),
        },
        async (req) =>
          deps.knowledge[transition](
            organizationOf(req),
            req.params.id,
            req.body?.version,
            req.audit,
          ),
      );
    }

    app.get(
      '/kb/suggestions',
      { schema: { querystring: suggestionsQuery, tags }, config: withPermission('kb.read') },
      async (req) => ({
        items: await deps.knowledge.suggest(
          organizationOf(req),
          req.query.text,
          readerLanguage(req, req.query.language),
        ),
      }),
    );

    app.get(
      '/help-articles',
      { schema: { querystring: helpArticlesQuery, tags }, config: SIGNED_IN },
      async (req) => {
        const { language, ...rest } = req.query;
        const reader = readerLanguage(req, language);
        const page = await deps.knowledge.helpArticles(organizationOf(req), {
          ...rest,
          language: reader,
        });
        return { ...page, requestedLanguage: reader };
      },
    );

    app.get(
      '/help-articles/:id',
      { schema: { params: idParams, querystring: helpArticleQuery, tags }, config: SIGNED_IN },
      async (req) =>
        deps.knowledge.helpArticle(
          organizationOf(req),
          req.params.id,
          readerLanguage(req, req.query.language),
        ),
    );
    return Promise.resolve();
  };
