import { Readable } from 'node:stream';
import { AUDIT_ACTIONS } from '@caredesk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditCsv } from '../../audit/audit-csv';
import { auditFhirBundleJson } from '../../audit/audit-export';
import type { AuditQueries, AuditQuery } from '../../audit/audit-queries';
import { organizationOf } from '../access/organization';
import { onPatient, withPermission } from '../access/route-policy';
import { idParams } from '../patients/patient-schemas';

export interface AuditRouteDeps {
  queries: AuditQueries;
}

const instant = z.iso.datetime({ offset: true }).optional();
const filters = {
  patientId: z.guid().optional(),
  actorId: z.string().max(64).optional(),
  from: instant,
  to: instant,
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(['success', 'denied', 'failed']).optional(),
  breakGlass: z.enum(['true', 'false']).optional(),
};
const searchQuery = z
  .object({
    ...filters,
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict();
const exportQuery = z
  .object({ ...filters, format: z.enum(['csv', 'fhir']).default('csv') })
  .strict();
const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

function toFilter(
  organizationId: string,
  q: z.infer<typeof searchQuery> | z.infer<typeof exportQuery>,
): AuditQuery {
  return {
    organizationId,
    patientId: q.patientId,
    actorId: q.actorId,
    from: q.from,
    to: q.to,
    action: q.action,
    outcome: q.outcome,
    breakGlass: q.breakGlass === undefined ? undefined : q.breakGlass === 'true',
  };
}

/**
 * The audit trail for privacy officers (ONC 170.315(d)(3): report by time range, patient,
 * actor, action; export) and "who opened my record" for patients. Reading or exporting
 * the audit trail is itself audited.
 */
export const auditRoutes =
  (deps: AuditRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/audit',
      {
        schema: { querystring: searchQuery, tags: ['audit'] },
        config: withPermission('audit.read', 'search', 'AuditEvent'),
      },
      async (req) => {
        const { limit, cursor } = req.query;
        const page = await deps.queries.search(toFilter(organizationOf(req), req.query), {
          limit,
          cursor,
        });
        req.audit.detail = JSON.stringify({ results: page.items.length });
        return page;
      },
    );

    app.get(
      '/audit/export',
      {
        schema: { querystring: exportQuery, tags: ['audit'] },
        config: withPermission('audit.export', 'export', 'AuditEvent'),
      },
      async (req, reply) => {
        const entries = deps.queries.stream(toFilter(organizationOf(req), req.query));
        req.audit.detail = JSON.stringify({
          format: req.query.format,
          from: req.query.from,
          to: req.query.to,
        });
        if (req.query.format === 'fhir') {
          const body = auditFhirBundleJson(entries, { timestamp: req.access.now });
          return reply.type('application/fhir+json; charset=utf-8').send(Readable.from(body));
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="caredesk-audit.csv"')
          .send(Readable.from(auditCsv(entries)));
      },
    );

    app.get(
      '/patients/:id/access-log',
      {
        schema: { params: idParams, querystring: pageQuery, tags: ['audit'] },
        config: onPatient('audit.read', 'profile', 'read', 'AuditEvent'),
      },
      async (req) =>
        deps.queries.accessLogForPatient(req.params.id, {
          limit: req.query.limit,
          cursor: req.query.cursor,
        }),
    );
    return Promise.resolve();
  };
