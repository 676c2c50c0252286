import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccessService } from '../../access/access-service';
import type { PatientRelationsService } from '../../patients/patient-relations-service';
import type { PatientService } from '../../patients/patient-service';
import { organizationOf } from '../access/organization';
import { onPatient, withPermission } from '../access/route-policy';
import {
  careTeamMemberSchema,
  contactPreferencesSchema,
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

const tags = ['patients'];

/** JSON API of the patient registry, under /api. Every route declares its access policy. */
export const patientRoutes =
  (deps: PatientRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/patients',
      {
        schema: { querystring: typeaheadQuery, tags },
        config: withPermission('patient.search', 'search', 'Patient'),
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
        config: withPermission('patient.create', 'create', 'Patient'),
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
        config: onPatient('patient.read', 'profile', 'read', 'Patient'),
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
        config: onPatient('patient.update', 'profile', 'update', 'Patient'),
      },
      async (req) => {
        const { version, ...input } = req.body;
        return deps.patients.update(organizationOf(req), req.params.id, input, version, req.audit);
      },
    );

    // What a patient may change themselves; the whole-record PUT above is staff work.
    app.put(
      '/patients/:id/contact-preferences',
      {
        schema: { params: idParams, body: contactPreferencesSchema, tags },
        config: onPatient('patient.contact', 'profile', 'update', 'Patient'),
      },
      async (req, reply) => {
        const { version, ...preferences } = req.body;
        const saved = await deps.patients.updateContactPreferences(
          organizationOf(req),
          req.params.id,
          preferences,
          version,
          req.audit,
        );
        return reply.header('ETag', `W/"${saved.version}"`).send(saved);
      },
    );

    app.post(
      '/patients/:id/merge',
      {
        schema: { params: idParams, body: mergeBody, tags },
        config: onPatient('patient.merge', 'profile', 'merge', 'Patient'),
      },
      async (req) => {
        // The survivor named in the body is checked like the one in the path (ID swapping).
        await deps.access.requirePatient(req.audit, req.body.into, 'patient.merge', 'profile');
        const { into, version, intoVersion } = req.body;
        return deps.patients.merge(organizationOf(req), req.params.id, into, req.audit, {
          from: version,
          into: intoVersion,
        });
      },
    );

    app.get(
      '/patients/:id/related-persons',
      {
        schema: { params: idParams, tags },
        config: onPatient('patient.read', 'profile', 'read', 'RelatedPerson'),
      },
      async (req) => ({
        items: await deps.patients.relatedPersons(organizationOf(req), req.params.id),
      }),
    );

    app.post(
      '/patients/:id/related-persons',
      {
        schema: { params: idParams, body: relatedPersonSchema, tags },
        config: onPatient('relations.manage', 'profile', 'create', 'RelatedPerson'),
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
        config: onPatient('billing.read', 'billing', 'read', 'Coverage'),
      },
      async (req) => ({ items: await deps.patients.coverages(organizationOf(req), req.params.id) }),
    );

    app.post(
      '/patients/:id/coverages',
      {
        schema: { params: idParams, body: coverageSchema, tags },
        config: onPatient('relations.manage', 'billing', 'create', 'Coverage'),
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
        config: onPatient('patient.read', 'care-plans', 'read', 'CareTeam'),
      },
      async (req) => ({ items: await deps.relations.careTeam(organizationOf(req), req.params.id) }),
    );

    app.post(
      '/patients/:id/care-team',
      {
        schema: { params: idParams, body: careTeamMemberSchema, tags },
        config: onPatient('relations.manage', 'care-plans', 'create', 'CareTeam'),
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
        config: withPermission('patient.merge', 'search', 'DuplicateCandidate'),
      },
      async (req) =>
        deps.patients.duplicates(organizationOf(req), req.query.limit, req.query.cursor),
    );

    app.post(
      '/duplicates/dismiss',
      {
        schema: { body: dismissBody, tags },
        config: withPermission('patient.merge', 'update', 'DuplicateCandidate'),
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
