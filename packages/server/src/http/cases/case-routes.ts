import { DomainError } from '@caredesk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessService } from '../../access/access-service';
import type { CaseCategories } from '../../service-desk/cases/case-categories';
import type { CaseService } from '../../service-desk/cases/case-service';
import type { CaseReader } from '../../service-desk/cases/case-reader';
import { onCase, onPatient, withPermission } from '../access/route-policy';
import { idParams, listQuery } from '../patients/patient-schemas';
import { checkUploads } from '../../service-desk/cases/case-attachments';
import {
  attachmentParams,
  caseIdParams,
  casePatchBody,
  inboxQuery,
  patientNewCaseBody,
  replyBody,
  staffNewCaseBody,
} from './case-schemas';

export interface CaseRouteDeps {
  cases: CaseService;
  categories: CaseCategories;
  reader: CaseReader;
  access: AccessService;
}

/** Room for attachments in base64 (20 MB of files at most, case-attachments). */
export const MESSAGE_BODY_LIMIT = 28 * 1024 * 1024;

/** How far ahead "breaching soon" looks: a shift's planning horizon. */
const BREACHING_SOON_MS = 4 * 3_600_000;

const orgOf = (p: { organizationId: string } | null) => {
  if (!p) throw new DomainError('unauthenticated', 'problem.unauthenticated', 'Sign in first.');
  return p.organizationId;
};

/**
 * The service desk's case API (issue #5 §1). Staff work cases under /api/cases; patients
 * open and follow their own requests under /api/patients/:id/cases. Every case route is
 * judged by the case's patient (policy `case`), so consents, care-team reach and
 * break-the-glass apply exactly as on the patient's record.
 */
export const caseRoutes =
  (deps: CaseRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/cases',
      {
        schema: { querystring: inboxQuery, tags: ['cases'] },
        config: withPermission('case.read', 'search', 'Case'),
      },
      async (req) => {
        const p = req.access.principal;
        const q = req.query;
        const organizationId = orgOf(p);
        const me = p && 'accountId' in p ? p.accountId : null;
        const now = new Date(req.access.now).getTime();
        const page = await deps.reader.inbox(
          {
            organizationId,
            ...(q.view === 'mine' ? { assigneeId: me ?? '-' } : {}),
            ...(q.view === 'unassigned' ? { unassigned: true } : {}),
            ...(q.view === 'breaching'
              ? { dueBefore: new Date(now + BREACHING_SOON_MS).toISOString() }
              : {}),
            ...(q.teamId ? { teamId: q.teamId } : {}),
            ...(q.queueId ? { queueId: q.queueId } : {}),
            ...(q.status ? { status: q.status } : {}),
            ...(q.category ? { category: q.category } : {}),
            ...(q.priority ? { priority: q.priority } : {}),
            ...(q.channel ? { channel: q.channel } : {}),
          },
          q.limit,
          q.cursor,
          req.access,
        );
        req.audit.detail = JSON.stringify({ view: q.view, results: page.items.length });
        return page;
      },
    );

    app.post(
      '/cases',
      {
        schema: { body: staffNewCaseBody, tags: ['cases'] },
        config: withPermission('case.create', 'create', 'Case'),
      },
      async (req, reply) => {
        const organizationId = orgOf(req.access.principal);
        if (req.body.patientId)
          await deps.access.requirePatient(
            req.audit,
            req.body.patientId,
            'case.create',
            'messages',
          );
        const created = await deps.cases.create(organizationId, req.body, req.audit);
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/cases/:caseId',
      { schema: { params: caseIdParams, tags: ['cases'] }, config: onCase('case.read', 'read') },
      async (req) => deps.reader.detail(req.params.caseId, req.access),
    );

    app.patch(
      '/cases/:caseId',
      {
        schema: { params: caseIdParams, body: casePatchBody, tags: ['cases'] },
        config: onCase('case.work', 'update'),
      },
      async (req) =>
        deps.cases.update(orgOf(req.access.principal), req.params.caseId, req.body, req.audit),
    );

    app.post(
      '/cases/:caseId/messages',
      {
        schema: { params: caseIdParams, body: replyBody, tags: ['cases'] },
        config: onCase('case.reply', 'update', 'Communication'),
        bodyLimit: MESSAGE_BODY_LIMIT,
      },
      async (req, reply) => {
        const { attachments, ...message } = req.body;
        const result = await deps.cases.reply(
          orgOf(req.access.principal),
          req.params.caseId,
          { ...message, ...(attachments ? { attachments: checkUploads(attachments) } : {}) },
          req.audit,
        );
        return reply.code(201).send(result);
      },
    );

    app.get(
      '/cases/:caseId/attachments/:attachmentId',
      {
        schema: { params: attachmentParams, tags: ['cases'] },
        config: onCase('case.read', 'read', 'Binary'),
      },
      async (req, reply) => {
        const file = await deps.reader.attachment(
          req.params.caseId,
          req.params.attachmentId,
          req.access,
        );
        // Always a download, never rendered in our origin; the type is the sniffed safe one.
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(file.content);
      },
    );

    app.get(
      '/cases/:caseId/fhir',
      {
        schema: { params: caseIdParams, tags: ['cases'] },
        config: onCase('case.read', 'export', 'Task'),
      },
      async (req, reply) => {
        const bundle = await deps.reader.fhir(req.params.caseId, req.access);
        return reply.type('application/fhir+json').send(bundle);
      },
    );

    app.get(
      '/patients/:id/cases',
      {
        schema: { params: idParams, querystring: listQuery, tags: ['cases'] },
        config: onPatient('case.read', 'messages', 'search', 'Case'),
      },
      async (req) => {
        const page = await deps.reader.forPatient(req.params.id, req.query.limit, req.query.cursor);
        req.audit.detail = JSON.stringify({ results: page.items.length });
        return page;
      },
    );

    app.post(
      '/patients/:id/cases',
      {
        schema: { params: idParams, body: patientNewCaseBody, tags: ['cases'] },
        config: onPatient('case.create', 'messages', 'create', 'Case'),
      },
      async (req, reply) => {
        const p = req.access.principal;
        const fromPortal = p?.kind === 'patient' || p?.kind === 'caregiver';
        const created = await deps.cases.create(
          orgOf(p),
          {
            ...req.body,
            patientId: req.params.id,
            // A patient's request is a portal request at routine priority; triage is staff's.
            channel: fromPortal ? 'portal' : (req.body.channel ?? 'phone'),
            priority: fromPortal ? 'routine' : (req.body.priority ?? 'routine'),
          },
          req.audit,
        );
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/desk/categories',
      { schema: { tags: ['cases'] }, config: { policy: { kind: 'authenticated' } } },
      async (req) => {
        const org = orgOf(req.access.principal);
        return {
          items: await deps.categories.list(org),
          labels: await deps.categories.customLabels(org),
        };
      },
    );

    app.post(
      '/desk/categories',
      {
        schema: {
          body: z
            .object({
              code: z.string().max(40),
              labels: z
                .object({
                  en: z.string().max(320),
                  es: z.string().max(320).optional(),
                  lv: z.string().max(320).optional(),
                  nb: z.string().max(320).optional(),
                })
                .strict(),
            })
            .strict(),
          tags: ['cases'],
        },
        config: withPermission('desk.configure', 'create', 'CaseCategory'),
      },
      async (req, reply) => {
        await deps.categories.add(
          orgOf(req.access.principal),
          req.body.code,
          req.body.labels,
          req.audit,
        );
        return reply.code(201).send({ code: req.body.code });
      },
    );
    return Promise.resolve();
  };
