import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccessService } from '../../access/access-service';
import type { PatientRelationsService } from '../../patients/patient-relations-service';
import type { PatientService } from '../../patients/patient-service';
import { organizationOf } from '../access/organization';
import {
  careTeamMemberSchema,
  coverageSchema,
  dismissBody,
  idParams,
  listQuery,
  mergeBody,
  patientInputSchema,
  patientUpdateSchema,
  relatedPersonSchema,
  typeaheadQuery,
} from './patient-schemas';

export interface PatientRouteDeps {
  patients: PatientService;
  relations: PatientRelationsService;
  access: AccessService;
}

const PATIENT = { action: 'read', resourceType: 'Patient' } as const;
const tags = ['patients'];

/** JSON API of the patient registry, under /api. Every route declares its access policy. */
export const patientRoutes =
  (deps: PatientRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/patients',
      {
        schema: { querystring: typeaheadQuery, tags },
        config: {
          policy: {
            kind: 'permission',
            permission: 'patient.search',
            audit: { action: 'search', resourceType: 'Patient' },
          },
        },
      },
      async (req) => {
        const { q, limit, cursor } = req.query;
        const page = await deps.patients.typeahead(organizationOf(req), q, limit, cursor);
        req.audit.detail = JSON.stringify({ results: page.items.length });
        return page;
      },
    );

    app.post(
      '/patients',
      {
        schema: { body: patientInputSchema, tags },
        config: {
          policy: {
            kind: 'permission',
            permission: 'patient.create',
            audit: { action: 'create', resourceType: 'Patient' },
          },
        },
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const idempotency =
          typeof key === 'string'
            ? {
                scope: `POST /api/patients ${req.audit.entry({ action: 'create' }).actorId ?? ''}`,
                key,
              }
            : null;
        const result = await deps.patients.create(
          organizationOf(req),
          req.body,
          idempotency,
          req.audit,
        );
        const body = result.body as { id: string };
        if (result.replayed) {
          reply.header('Idempotent-Replayed', 'true');
          req.audit.detail = JSON.stringify({ idempotentReplay: body.id });
        }
        return reply
          .code(result.statusCode)
          .header('Location', `/api/patients/${body.id}`)
          .send(body);
      },
    );

    app.get(
      '/patients/:id',
      {
        schema: { params: idParams, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'patient.read',
            category: 'profile',
            patientParam: 'id',
            audit: PATIENT,
          },
        },
      },
      async (req, reply) => {
        const found = await deps.patients.get(organizationOf(req), req.params.id);
        // A merged record answers with a permanent redirect to its survivor.
        if ('redirectTo' in found) return reply.redirect(`/api/patients/${found.redirectTo}`, 301);
        return reply.header('ETag', `W/"${found.version}"`).send(found);
      },
    );

    app.put(
      '/patients/:id',
      {
        schema: { params: idParams, body: patientUpdateSchema, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'patient.update',
            category: 'profile',
            patientParam: 'id',
            audit: { action: 'update', resourceType: 'Patient' },
          },
        },
      },
      async (req) => {
        const { version, ...input } = req.body;
        return deps.patients.update(organizationOf(req), req.params.id, input, version, req.audit);
      },
    );

    app.post(
      '/patients/:id/merge',
      {
        schema: { params: idParams, body: mergeBody, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'patient.merge',
            category: 'profile',
            patientParam: 'id',
            audit: { action: 'merge', resourceType: 'Patient' },
          },
        },
      },
      async (req) => {
        // The survivor named in the body is checked like the one in the path (ID swapping).
        await deps.access.requirePatient(req.audit, req.body.into, 'patient.merge', 'profile');
        return deps.patients.merge(organizationOf(req), req.params.id, req.body.into, req.audit);
      },
    );

    app.get(
      '/patients/:id/related-persons',
      {
        schema: { params: idParams, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'patient.read',
            category: 'profile',
            patientParam: 'id',
            audit: { action: 'read', resourceType: 'RelatedPerson' },
          },
        },
      },
      async (req) => ({
        items: await deps.patients.relatedPersons(organizationOf(req), req.params.id),
      }),
    );

    app.post(
      '/patients/:id/related-persons',
      {
        schema: { params: idParams, body: relatedPersonSchema, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'relations.manage',
            category: 'profile',
            patientParam: 'id',
            audit: { action: 'create', resourceType: 'RelatedPerson' },
          },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await deps.relations.addRelatedPerson(
              organizationOf(req),
              req.params.id,
              req.body,
              req.audit,
            ),
          ),
    );

    app.get(
      '/patients/:id/coverages',
      {
        schema: { params: idParams, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'billing.read',
            category: 'billing',
            patientParam: 'id',
            audit: { action: 'read', resourceType: 'Coverage' },
          },
        },
      },
      async (req) => ({ items: await deps.patients.coverages(organizationOf(req), req.params.id) }),
    );

    app.post(
      '/patients/:id/coverages',
      {
        schema: { params: idParams, body: coverageSchema, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'relations.manage',
            category: 'billing',
            patientParam: 'id',
            audit: { action: 'create', resourceType: 'Coverage' },
          },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await deps.relations.addCoverage(
              organizationOf(req),
              req.params.id,
              req.body,
              req.audit,
            ),
          ),
    );

    app.get(
      '/patients/:id/care-team',
      {
        schema: { params: idParams, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'patient.read',
            category: 'care-plans',
            patientParam: 'id',
            audit: { action: 'read', resourceType: 'CareTeam' },
          },
        },
      },
      async (req) => ({ items: await deps.relations.careTeam(organizationOf(req), req.params.id) }),
    );

    app.post(
      '/patients/:id/care-team',
      {
        schema: { params: idParams, body: careTeamMemberSchema, tags },
        config: {
          policy: {
            kind: 'patient',
            permission: 'relations.manage',
            category: 'care-plans',
            patientParam: 'id',
            audit: { action: 'create', resourceType: 'CareTeam' },
          },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await deps.relations.addCareTeamMember(
              organizationOf(req),
              req.params.id,
              req.body,
              req.audit,
            ),
          ),
    );

    app.get(
      '/duplicates',
      {
        schema: { querystring: listQuery, tags },
        config: {
          policy: {
            kind: 'permission',
            permission: 'patient.merge',
            audit: { action: 'search', resourceType: 'DuplicateCandidate' },
          },
        },
      },
      async (req) =>
        deps.patients.duplicates(organizationOf(req), req.query.limit, req.query.cursor),
    );

    app.post(
      '/duplicates/dismiss',
      {
        schema: { body: dismissBody, tags },
        config: {
          policy: {
            kind: 'permission',
            permission: 'patient.merge',
            audit: { action: 'update', resourceType: 'DuplicateCandidate' },
          },
        },
      },
      async (req, reply) => {
        for (const id of [req.body.patientId, req.body.candidateId]) {
          await deps.access.requirePatient(req.audit, id, 'patient.merge', 'profile');
        }
        await deps.patients.dismissDuplicate(
          organizationOf(req),
          req.body.patientId,
          req.body.candidateId,
          req.audit,
        );
        return reply.code(204).send();
      },
    );
    return Promise.resolve();
  };
