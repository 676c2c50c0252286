import { benignPatient, encodeLoose, SQL_PAYLOADS } from './hostile-payloads';
import { jsonCase, rawCase, type CorpusContext, type HostileCase } from './hostile-harness';

const G = 'sql-injection';
const NIL = '00000000-0000-4000-8000-000000000000';

interface QueryParam {
  route: string;
  param: string;
  /** Expected statuses for a metacharacter payload; undefined: any non-5xx. */
  expect?: readonly number[];
  /** Free-text search: must answer 200 and must not return every benign record. */
  search?: 'api' | 'fhir';
  /** Parameters that make the route read this one (typeahead skips the cursor when q is empty). */
  prefix?: string;
}

/** Every search, sort, filter, paging and unknown parameter of every GET route. */
const QUERY_PARAMS: readonly QueryParam[] = [
  { route: '/api/patients', param: 'q', expect: [200], search: 'api' },
  { route: '/api/patients', param: 'limit', expect: [400] },
  { route: '/api/patients', param: 'cursor', expect: [400], prefix: 'q=setup&' },
  { route: '/api/patients', param: '_sort', expect: [400] },
  { route: '/api/patients', param: 'sort', expect: [400] },
  { route: '/api/patients', param: 'order', expect: [400] },
  { route: '/api/patients', param: 'filter', expect: [400] },
  { route: '/api/patients', param: 'organizationId', expect: [400] },
  { route: '/api/duplicates', param: 'limit', expect: [400] },
  { route: '/api/duplicates', param: 'cursor', expect: [400] },
  { route: '/api/duplicates', param: '_sort', expect: [400] },
  { route: '/api/duplicates', param: 'patient_id', expect: [400] },
  { route: '/fhir/R4/Patient', param: 'name', search: 'fhir' },
  { route: '/fhir/R4/Patient', param: 'birthdate', expect: [400] },
  { route: '/fhir/R4/Patient', param: 'identifier' },
  { route: '/fhir/R4/Patient', param: '_count', expect: [400] },
  { route: '/fhir/R4/Patient', param: '_cursor', expect: [400] },
  { route: '/fhir/R4/Patient', param: '_sort', expect: [400] },
  { route: '/fhir/R4/Patient', param: '_include', expect: [400] },
  { route: '/fhir/R4/Patient', param: '_revinclude', expect: [400] },
  { route: '/fhir/R4/Patient', param: 'general-practitioner.name', expect: [400] },
  { route: '/fhir/R4/Patient', param: 'family', expect: [400] },
  { route: '/api/cases', param: 'category', expect: [200, 400] },
  { route: '/api/cases', param: 'view', expect: [400] },
  { route: '/api/cases', param: 'cursor', expect: [400] },
  { route: '/api/cases', param: 'sort', expect: [400] },
  { route: '/api/kb/articles', param: 'q', expect: [200, 400] },
];

function items(body: unknown, kind: 'api' | 'fhir'): string[] {
  const b = body as {
    items?: Array<{ id: string }>;
    entry?: Array<{ resource?: { id?: string } }>;
  };
  return kind === 'api'
    ? (b.items ?? []).map((i) => i.id)
    : (b.entry ?? []).map((e) => e.resource?.id ?? '');
}

/** Each SQL / NoSQL payload in each query, path and body parameter that reaches a query. */
export function sqlInjectionCases(ctx: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  const leaksAll = (kind: 'api' | 'fhir') => (body: unknown) => {
    const found = new Set(items(body, kind));
    return ctx.benignIds.every((id) => found.has(id))
      ? 'search returned every benign patient (injection?)'
      : null;
  };
  for (const payload of SQL_PAYLOADS) {
    const enc = encodeLoose(payload);
    for (const qp of QUERY_PARAMS) {
      const c = rawCase(
        G,
        `${qp.route}?${qp.param}=${payload}`,
        'GET',
        `${qp.route}?${qp.prefix ?? ''}${encodeURIComponent(qp.param)}=${enc}`,
        undefined,
        {},
        qp.expect,
      );
      if (qp.search) c.check = leaksAll(qp.search);
      cases.push(c);
    }
    const pathRoutes: Array<[HostileCase['method'], string, readonly number[]]> = [
      ['GET', `/api/patients/${enc}`, [400, 404]],
      ['GET', `/api/patients/${enc}/related-persons`, [400, 404]],
      ['GET', `/api/patients/${enc}/coverages`, [400, 404]],
      ['GET', `/api/patients/${enc}/care-team`, [400, 404]],
      ['GET', `/fhir/R4/Patient/${enc}`, [400, 404]],
    ];
    for (const [method, url, expect] of pathRoutes) {
      cases.push(
        rawCase(G, `${method} path param: ${payload}`, method, url, undefined, {}, expect),
      );
    }
    cases.push(
      jsonCase(
        G,
        `PUT path param: ${payload}`,
        'PUT',
        `/api/patients/${enc}`,
        { ...benignPatient(3), version: 1 },
        [400, 404],
      ),
    );
    cases.push(
      jsonCase(
        G,
        `merge path param: ${payload}`,
        'POST',
        `/api/patients/${enc}/merge`,
        { into: ctx.victimId },
        [400, 404],
      ),
    );
    cases.push(
      jsonCase(
        G,
        `merge body into: ${payload}`,
        'POST',
        `/api/patients/${NIL}/merge`,
        { into: payload },
        [400],
      ),
    );
    cases.push(
      jsonCase(
        G,
        `dismiss patientId: ${payload}`,
        'POST',
        '/api/duplicates/dismiss',
        { patientId: payload, candidateId: NIL },
        [400],
      ),
    );
    cases.push(
      jsonCase(
        G,
        `dismiss candidateId: ${payload}`,
        'POST',
        '/api/duplicates/dismiss',
        { patientId: NIL, candidateId: payload },
        [400],
      ),
    );
    // Stored as data: acceptance is fine, and it must then read back unchanged (checked by search).
    cases.push(
      jsonCase(
        G,
        `create identifier value: ${payload}`,
        'POST',
        '/api/patients',
        { ...benignPatient(4), identifiers: [{ system: 'urn:hostile:sql', value: payload }] },
        [201, 400],
      ),
    );
    cases.push(
      jsonCase(
        G,
        `create family name: ${payload}`,
        'POST',
        '/api/patients',
        { ...benignPatient(4), identifiers: [], names: [{ given: ['Sql'], family: payload }] },
        [201, 400],
      ),
    );
  }
  return cases;
}
