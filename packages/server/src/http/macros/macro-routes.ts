import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MacroService } from '../../service-desk/macros/macro-service';
import { organizationOf } from '../access/organization';
import { withPermission } from '../access/route-policy';
import {
  macroIdParams,
  macroInputSchema,
  macroListQuery,
  macroUpdateSchema,
  previewBody,
} from './macro-schemas';

export interface MacroRouteDeps {
  macros: MacroService;
  /** The organization's IANA time zone, for dates in a preview that names none. */
  organizationTimeZone(organizationId: string): Promise<string>;
}

const tags = ['service-desk'];

/**
 * Macros under /api/desk/macros: agents (case.work) search the active ones and preview
 * them filled; supervisors and administrators (desk.configure) write, change and retire
 * them, each change audited with its version.
 */
export const macroRoutes =
  (deps: MacroRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    // The reply composer's list: active macros only.
    app.get(
      '/desk/macros',
      { schema: { querystring: macroListQuery, tags }, config: withPermission('case.work') },
      async (req) => {
        const { q, limit, cursor } = req.query;
        return deps.macros.list(organizationOf(req), {
          q,
          limit,
          activeOnly: true,
          ...(cursor ? { cursor } : {}),
        });
      },
    );

    // The configuration page's list: retired macros too, so they can be brought back.
    app.get(
      '/desk/macros/library',
      { schema: { querystring: macroListQuery, tags }, config: withPermission('desk.configure') },
      async (req) => {
        const { q, limit, cursor } = req.query;
        return deps.macros.list(organizationOf(req), {
          q,
          limit,
          activeOnly: false,
          ...(cursor ? { cursor } : {}),
        });
      },
    );

    app.post(
      '/desk/macros/:id/preview',
      {
        schema: { params: macroIdParams, body: previewBody, tags },
        config: withPermission('case.work'),
      },
      async (req) => {
        const org = organizationOf(req);
        const { language, facts, timeZone } = req.body;
        return deps.macros.preview(
          org,
          req.params.id,
          language,
          facts,
          timeZone ?? (await deps.organizationTimeZone(org)),
        );
      },
    );

    app.post(
      '/desk/macros',
      {
        schema: { body: macroInputSchema, tags },
        config: withPermission('desk.configure', 'create', 'Macro'),
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const actor = req.audit.entry({ action: 'create' }).actorId ?? '';
        const result = await deps.macros.create(
          organizationOf(req),
          req.body,
          req.audit,
          typeof key === 'string' ? { scope: `POST /api/desk/macros ${actor}`, key } : null,
        );
        const body = result.body as { id: string };
        if (result.replayed) {
          reply.header('Idempotent-Replayed', 'true');
          req.audit.detail = JSON.stringify({ idempotentReplay: body.id });
        }
        return reply
          .code(result.statusCode)
          .header('Location', `/api/desk/macros/${body.id}`)
          .send(body);
      },
    );

    app.put(
      '/desk/macros/:id',
      {
        schema: { params: macroIdParams, body: macroUpdateSchema, tags },
        config: withPermission('desk.configure', 'update', 'Macro'),
      },
      async (req) => {
        const { version, ...input } = req.body;
        return deps.macros.update(organizationOf(req), req.params.id, input, version, req.audit);
      },
    );

    // Retires the macro (it stays for the cases that used it); PUT with active: true brings it back.
    app.delete(
      '/desk/macros/:id',
      {
        schema: { params: macroIdParams, tags },
        config: withPermission('desk.configure', 'update', 'Macro'),
      },
      async (req) => deps.macros.deactivate(organizationOf(req), req.params.id, req.audit),
    );
    return Promise.resolve();
  };
