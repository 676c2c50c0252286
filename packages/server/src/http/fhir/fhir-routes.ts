import type { FastifyInstance, FastifyReply } from 'fastify';
import { foldForSearch } from '@caredesk/core';
import type { IssueType } from '@caredesk/interop/fhir';
import {
  capabilityStatement,
  operationOutcome,
  parsePatientSearch,
  patientToFhir,
  searchsetBundle,
} from '@caredesk/interop/fhir';
import type { PatientService } from '../../patients/patient-service';
import { organizationOf } from '../access/organization';
import { onPatient, withPermission } from '../access/route-policy';
import { ImportFailed, type ImportService } from '../../registry-import/import-service';
import { transactionResponse } from './transaction-response';

export interface FhirRouteDeps {
  patients: PatientService;
  imports: ImportService;
  baseUrl: () => string;
  fhirBodyLimit: number;
  softwareVersion: string;
  now: () => Date;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function sendFhir(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type(FHIR_JSON).send(body);
}

/** FHIR R4 REST edge (https://hl7.org/fhir/R4/http.html): Patient read and search, transactions. */
export function registerFhirRoutes(app: FastifyInstance, deps: FhirRouteDeps): void {
  const base = () => `${deps.baseUrl()}/fhir/R4`;

  app.get(
    '/fhir/R4/metadata',
    { schema: { hide: true }, config: { policy: { kind: 'public' } } },
    (_req, reply) =>
      sendFhir(
        reply,
        200,
        capabilityStatement({
          baseUrl: base(),
          softwareVersion: deps.softwareVersion,
          now: deps.now().toISOString(),
        }),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/fhir/R4/Patient/:id',
    {
      schema: { hide: true },
      config: onPatient('patient.read', 'profile', 'read', 'Patient'),
    },
    async (req, reply) => {
      const id = req.params.id;
      const notFound = operationOutcome([
        { code: 'not-found', diagnostics: `Patient/${id} is not known` },
      ]);
      if (!/^[0-9a-fA-F-]{36}$/.test(id)) return sendFhir(reply, 404, notFound);
      const patient = await deps.patients
        .getRecord(organizationOf(req), id.toLowerCase())
        .catch(() => null);
      if (!patient) return sendFhir(reply, 404, notFound);
      const relatedPersons = patient.mergedInto
        ? []
        : await deps.patients.relatedPersons(organizationOf(req), id);
      return reply
        .header('ETag', `W/"${patient.version}"`)
        .header('Last-Modified', new Date(patient.updatedAt).toUTCString())
        .type(FHIR_JSON)
        .send(patientToFhir(patient, { relatedPersons, baseUrl: base() }));
    },
  );

  const search = {
    kind: 'permission',
    permission: 'patient.search',
    audit: { action: 'search', resourceType: 'Patient' },
  } as const;
  app.get(
    '/fhir/R4/Patient',
    { schema: { hide: true }, config: { policy: search } },
    async (req, reply) => {
      const parsed = parsePatientSearch(req.query as Record<string, string | string[] | undefined>);
      if (!parsed.ok) return sendFhir(reply, 400, parsed.outcome);
      const q = parsed.query;
      const nameTokens = q.name
        ? foldForSearch(q.name).split(/\s+/).filter(Boolean).slice(0, 5)
        : undefined;
      const page = await deps.patients.search(
        organizationOf(req),
        { nameTokens, birthDate: q.birthDate, identifier: q.identifier },
        q.count,
        q.cursor,
      );
      const self = new URL(`${base()}/Patient`);
      for (const [k, v] of Object.entries(req.query as Record<string, string>))
        self.searchParams.set(k, String(v));
      const next = page.nextCursor ? new URL(self) : null;
      next?.searchParams.set('_cursor', page.nextCursor ?? '');
      return sendFhir(
        reply,
        200,
        searchsetBundle(
          page.items.map((p) => patientToFhir(p, { baseUrl: base() })),
          { selfUrl: self.toString(), nextUrl: next?.toString(), baseUrl: base() },
        ),
      );
    },
  );

  app.post(
    '/fhir/R4',
    {
      bodyLimit: deps.fhirBodyLimit,
      schema: { hide: true },
      config: withPermission('import.fhir', 'import', 'Bundle'),
    },
    async (req, reply) => {
      const body = req.body as { resourceType?: unknown; type?: unknown } | null;
      if (
        !body ||
        body.resourceType !== 'Bundle' ||
        (body.type !== 'transaction' && body.type !== 'batch')
      ) {
        return sendFhir(
          reply,
          400,
          operationOutcome([
            {
              code: 'invalid',
              diagnostics: 'POST a Bundle of type transaction or batch',
              expression: ['Bundle.type'],
            },
          ]),
        );
      }
      try {
        const result = await deps.imports.importFhir(organizationOf(req), body, req.audit);
        return sendFhir(reply, 200, transactionResponse(body, result));
      } catch (e) {
        if (!(e instanceof ImportFailed)) throw e;
        const status = e.problems.some((p) => p.code === 'conflict' || p.code === 'duplicate')
          ? 409
          : e.problems.some((p) => p.code === 'not-found')
            ? 422
            : 400;
        return sendFhir(
          reply,
          status,
          operationOutcome(
            e.problems.map((p) => ({
              code: p.code as IssueType,
              diagnostics: p.diagnostics,
              expression: [p.expression],
            })),
          ),
        );
      }
    },
  );
}
