import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PatientRelationsService } from '../../patients/patient-relations-service';
import type { PatientService } from '../../patients/patient-service';
import {
  careTeamMemberSchema,
  coverageSchema,
  dismissBody,
  relatedPersonSchema,
  idParams,
  listQuery,
  mergeBody,
  patientInputSchema,
  patientUpdateSchema,
  typeaheadQuery,
} from './patient-schemas';

export interface PatientRouteDeps {
  patients: PatientService;
  relations: PatientRelationsService;
  /** The organization requests act for (until accounts arrive, the installation's own). */
  organizationId: () => string;
}

/** JSON API of the patient registry, under /api. */
export const patientRoutes =
  (deps: PatientRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    const org = deps.organizationId;

    app.get(
      '/patients',
      { schema: { querystring: typeaheadQuery, tags: ['patients'] } },
      async (req) => {
        const { q, limit, cursor } = req.query;
        return deps.patients.typeahead(org(), q, limit, cursor);
      },
    );

    app.post(
      '/patients',
      { schema: { body: patientInputSchema, tags: ['patients'] } },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const idempotency = typeof key === 'string' ? { scope: 'POST /api/patients', key } : null;
        const result = await deps.patients.create(org(), req.body, idempotency);
        const body = result.body as { id: string };
        if (result.replayed) reply.header('Idempotent-Replayed', 'true');
        return reply
          .code(result.statusCode)
          .header('Location', `/api/patients/${body.id}`)
          .send(body);
      },
    );

    app.get(
      '/patients/:id',
      { schema: { params: idParams, tags: ['patients'] } },
      async (req, reply) => {
        const found = await deps.patients.get(org(), req.params.id);
        // A merged record answers with a permanent redirect to its survivor.
        if ('redirectTo' in found) return reply.redirect(`/api/patients/${found.redirectTo}`, 301);
        return reply.header('ETag', `W/"${found.version}"`).send(found);
      },
    );

    app.put(
      '/patients/:id',
      { schema: { params: idParams, body: patientUpdateSchema, tags: ['patients'] } },
      async (req) => {
        const { version, ...input } = req.body;
        return deps.patients.update(org(), req.params.id, input, version);
      },
    );

    app.post(
      '/patients/:id/merge',
      { schema: { params: idParams, body: mergeBody, tags: ['patients'] } },
      async (req) => deps.patients.merge(org(), req.params.id, req.body.into),
    );

    app.get(
      '/patients/:id/related-persons',
      { schema: { params: idParams, tags: ['patients'] } },
      async (req) => ({ items: await deps.patients.relatedPersons(org(), req.params.id) }),
    );

    app.get(
      '/patients/:id/coverages',
      { schema: { params: idParams, tags: ['patients'] } },
      async (req) => ({ items: await deps.patients.coverages(org(), req.params.id) }),
    );

    app.post(
      '/patients/:id/related-persons',
      { schema: { params: idParams, body: relatedPersonSchema, tags: ['patients'] } },
      async (req, reply) =>
        reply.code(201).send(await deps.relations.addRelatedPerson(org(), req.params.id, req.body)),
    );

    app.post(
      '/patients/:id/coverages',
      { schema: { params: idParams, body: coverageSchema, tags: ['patients'] } },
      async (req, reply) =>
        reply.code(201).send(await deps.relations.addCoverage(org(), req.params.id, req.body)),
    );

    app.get(
      '/patients/:id/care-team',
      { schema: { params: idParams, tags: ['patients'] } },
      async (req) => ({ items: await deps.relations.careTeam(org(), req.params.id) }),
    );

    app.post(
      '/patients/:id/care-team',
      { schema: { params: idParams, body: careTeamMemberSchema, tags: ['patients'] } },
      async (req, reply) =>
        reply
          .code(201)
          .send(await deps.relations.addCareTeamMember(org(), req.params.id, req.body)),
    );

    app.get(
      '/duplicates',
      { schema: { querystring: listQuery, tags: ['patients'] } },
      async (req) => deps.patients.duplicates(org(), req.query.limit, req.query.cursor),
    );

    app.post(
      '/duplicates/dismiss',
      { schema: { body: dismissBody, tags: ['patients'] } },
      async (req, reply) => {
        await deps.patients.dismissDuplicate(org(), req.body.patientId, req.body.candidateId);
        return reply.code(204).send();
      },
    );
    return Promise.resolve();
  };
