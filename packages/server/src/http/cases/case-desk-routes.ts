import { catalogLanguage, DATA_CATEGORIES } from '@caredesk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessService } from '../../access/access-service';
import {
  VERIFICATION_IDENTIFIERS,
  type CaseIdentity,
} from '../../service-desk/cases/case-identity';
import type { CsatService } from '../../service-desk/csat/csat-service';
import { deskOverview } from '../../service-desk/cases/desk-overview';
import type { CaseReader } from '../../service-desk/cases/case-reader';
import type { KnowledgeService } from '../../service-desk/knowledge/knowledge-service';
import type { Database } from '../../storage/database';
import { onCase, withPermission } from '../access/route-policy';
import { caseIdParams } from './case-schemas';

export interface CaseDeskRouteDeps {
  database: Database;
  reader: CaseReader;
  knowledge: KnowledgeService;
  identity: CaseIdentity;
  csat: CsatService;
  access: AccessService;
}

const verificationBody = z
  .object({
    identifiers: z.array(z.enum(VERIFICATION_IDENTIFIERS)).min(1).max(7),
    /** For an unidentified caller: the patient they turned out to be. */
    patientId: z.guid().optional(),
  })
  .strict();

const disclosureBody = z
  .object({
    recipient: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('related-person'), relatedPersonId: z.guid() }).strict(),
      z.object({ kind: z.literal('other'), name: z.string().max(800) }).strict(),
    ]),
    purpose: z.string().max(2000),
    description: z.string().max(2000),
    category: z.enum(DATA_CATEGORIES),
  })
  .strict();

const surveyBody = z
  .object({ score: z.number().int().min(1).max(5), comment: z.string().max(8000).optional() })
  .strict();

const csatQuery = z
  .object({
    by: z.enum(['agent', 'team', 'category']).default('agent'),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
  })
  .strict();

/**
 * Who the caller is, what was told to whom, and how the patient felt about it: identity
 * verification and accounting of disclosures (issue #5 §5) and CSAT (§8).
 */
export const caseDeskRoutes =
  (deps: CaseDeskRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.post(
      '/cases/:caseId/verification',
      {
        schema: { params: caseIdParams, body: verificationBody, tags: ['cases'] },
        config: onCase('case.work', 'update'),
      },
      async (req) => {
        const p = req.access.principal!;
        if (req.body.patientId)
          await deps.access.requirePatient(
            req.audit,
            req.body.patientId,
            'patient.read',
            'profile',
          );
        return deps.identity.verify(
          p.organizationId,
          req.params.caseId,
          req.body.identifiers,
          req.audit,
          req.body.patientId,
        );
      },
    );

    app.post(
      '/cases/:caseId/disclosures',
      {
        schema: { params: caseIdParams, body: disclosureBody, tags: ['cases'] },
        config: onCase('case.work', 'disclose'),
      },
      async (req, reply) => {
        await deps.identity.disclose(
          req.access.principal!.organizationId,
          req.params.caseId,
          req.body,
          req.audit,
        );
        return reply.code(204).send();
      },
    );

    app.get(
      '/cases/:caseId/survey',
      {
        schema: { params: caseIdParams, tags: ['cases'] },
        config: onCase('case.read', 'read', 'QuestionnaireResponse'),
      },
      async (req) => ({ survey: await deps.csat.survey(req.params.caseId) }),
    );

    app.post(
      '/cases/:caseId/survey',
      {
        schema: { params: caseIdParams, body: surveyBody, tags: ['cases'] },
        // The survey is the patient's own say: only they hold self.request (staff get 403).
        config: onCase('self.request', 'create', 'QuestionnaireResponse'),
      },
      async (req) =>
        deps.csat.answer(req.params.caseId, req.body.score, req.body.comment, req.audit),
    );

    app.get(
      '/desk/csat',
      {
        schema: { querystring: csatQuery, tags: ['cases'] },
        config: withPermission('case.supervise'),
      },
      async (req) => ({
        groups: await deps.csat.results(
          req.access.principal!.organizationId,
          req.query.by,
          new Date(req.query.from).toISOString(),
          new Date(req.query.to).toISOString(),
        ),
      }),
    );
    app.get(
      '/cases/:caseId/kb-suggestions',
      {
        schema: { params: caseIdParams, tags: ['cases'] },
        config: onCase('kb.read', 'read'),
      },
      async (req) => {
        // The case's own words, read on the server: case text never travels in a URL.
        const { text, language } = await deps.reader.caseText(req.params.caseId);
        return {
          items: await deps.knowledge.suggest(
            req.access.principal!.organizationId,
            text.slice(0, 4000),
            catalogLanguage(language),
          ),
        };
      },
    );

    app.get(
      '/desk/overview',
      { schema: { tags: ['cases'] }, config: withPermission('case.supervise') },
      async (req) => deskOverview(deps.database, req.access.principal!.organizationId),
    );
    return Promise.resolve();
  };
