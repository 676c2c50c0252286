import { DomainError } from '@caredesk/core';
import { consentToFhir } from '@caredesk/interop/fhir';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccessService } from '../../access/access-service';
import type { BreakGlassService } from '../../access/break-glass-service';
import type { ConsentService } from '../../access/consent-service';
import { setRestricted } from '../../storage/access/patient-facts';
import type { Database } from '../../storage/database';
import { idParams, listQuery } from '../patients/patient-schemas';
import {
  breakGlassBody,
  consentBody,
  consentParams,
  restrictedBody,
  reviewBody,
  reviewParams,
} from './access-schemas';
import { organizationOf } from './organization';
import { onPatient, withPermission } from './route-policy';

export interface AccessRouteDeps {
  access: AccessService;
  consents: ConsentService;
  breakGlass: BreakGlassService;
  database: Database;
}

const tags = ['access'];
const CONSENT = { action: 'consent-change', resourceType: 'Consent' } as const;
const consentPolicy = (audit: { action: 'read' | 'consent-change'; resourceType: string }) =>
  ({
    kind: 'patient',
    permission: 'consent.manage',
    category: 'profile',
    patientParam: 'id',
    audit,
  }) as const;

/** Consents, break-the-glass and restricted records, under /api. */
export const accessRoutes =
  (deps: AccessRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/patients/:id/consents',
      {
        schema: { params: idParams, tags },
        config: { policy: consentPolicy({ action: 'read', resourceType: 'Consent' }) },
      },
      async (req) => ({ items: await deps.consents.list(req.params.id) }),
    );

    app.get(
      '/patients/:id/consents/:consentId/fhir',
      {
        schema: { params: consentParams, tags },
        config: { policy: consentPolicy({ action: 'read', resourceType: 'Consent' }) },
      },
      async (req, reply) => {
        const found = (await deps.consents.list(req.params.id)).find(
          (c) => c.id === req.params.consentId,
        );
        if (!found) throw new DomainError('not-found', 'consent.notFound', 'No such consent.');
        return reply.type('application/fhir+json; charset=utf-8').send(consentToFhir(found));
      },
    );

    app.post(
      '/patients/:id/consents',
      {
        schema: { params: idParams, body: consentBody, tags },
        config: { policy: consentPolicy(CONSENT) },
      },
      async (req, reply) =>
        reply.code(201).send(await deps.consents.grant(req.params.id, req.body, req.audit)),
    );

    app.post(
      '/patients/:id/consents/:consentId/revoke',
      { schema: { params: consentParams, tags }, config: { policy: consentPolicy(CONSENT) } },
      async (req) => deps.consents.revoke(req.params.id, req.params.consentId, req.audit),
    );

    app.put(
      '/patients/:id/restricted',
      {
        schema: { params: idParams, body: restrictedBody, tags },
        config: onPatient('patient.restrict', 'profile', 'update', 'Patient'),
      },
      async (req, reply) => {
        await deps.database.db.transaction().execute(async (trx) => {
          await setRestricted(trx, req.params.id, req.body.restricted);
          await req.audit.inTransaction(trx, {
            action: 'update',
            patientId: req.params.id,
            resourceType: 'Patient',
            resourceId: req.params.id,
            detail: JSON.stringify({ restricted: req.body.restricted }),
          });
        });
        return reply.code(204).send();
      },
    );

    app.post(
      '/patients/:id/break-glass',
      {
        schema: { params: idParams, body: breakGlassBody, tags },
        config: withPermission('breakglass.use', 'break-glass', 'Patient'),
      },
      async (req, reply) => {
        // Only for a record of the staff member's own organization; anything else does not exist.
        const facts = await deps.access.facts(req.params.id);
        const org = organizationOf(req);
        if (!facts || facts.organizationId !== org) {
          req.audit.denial = {
            patientId: facts ? req.params.id : null,
            detail: JSON.stringify({ reason: 'not in organization' }),
          };
          throw new DomainError('not-found', 'problem.not-found', 'Not found.');
        }
        req.audit.subjectPatientId = req.params.id;
        const grant = await deps.breakGlass.open(req.params.id, org, req.body.reason, req.audit);
        return reply.code(201).send(grant);
      },
    );

    app.get(
      '/break-glass/reviews',
      {
        schema: { querystring: listQuery, tags },
        config: withPermission('breakglass.review', 'search', 'BreakGlassReview'),
      },
      async (req) => deps.breakGlass.queue(organizationOf(req), req.query.limit, req.query.cursor),
    );

    app.post(
      '/break-glass/:grantId/review',
      {
        schema: { params: reviewParams, body: reviewBody, tags },
        config: withPermission('breakglass.review', 'update', 'BreakGlassReview'),
      },
      async (req) =>
        deps.breakGlass.review(
          organizationOf(req),
          req.params.grantId,
          req.body.outcome,
          req.body.note,
          req.audit,
        ),
    );
    return Promise.resolve();
  };
