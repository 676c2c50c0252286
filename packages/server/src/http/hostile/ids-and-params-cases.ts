import { benignPatient, encodeLoose, TRAVERSAL_PAYLOADS } from './hostile-payloads';
import { jsonCase, rawCase, type CorpusContext, type HostileCase } from './hostile-harness';

const G = 'ids-and-params';
const NIL = '00000000-0000-4000-8000-000000000000';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Every route pattern; which methods each has is asked of the app, so new routes stay covered. */
const ROUTE_PATTERNS = [
  '/',
  '/api/health',
  '/openapi.json',
  '/api/patients',
  '/api/patients/:id',
  '/api/patients/:id/contact-preferences',
  '/api/patients/:id/merge',
  '/api/patients/:id/related-persons',
  '/api/patients/:id/coverages',
  '/api/patients/:id/care-team',
  '/api/duplicates',
  '/api/duplicates/dismiss',
  '/fhir/R4/metadata',
  '/fhir/R4/Patient/:id',
  '/fhir/R4/Patient',
  '/fhir/R4',
];

/** Path traversal, odd ids, methods a route does not have, tampered cursors, repeated params. */
export function idsAndParamsCases(ctx: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  const prefixes = [
    '',
    '/api',
    '/api/patients',
    '/fhir/R4',
    '/fhir/R4/Patient',
    '/static',
    '/openapi.json',
  ];
  for (const t of TRAVERSAL_PAYLOADS) {
    for (const prefix of prefixes) {
      cases.push(
        rawCase(G, `traversal ${prefix}/${t}`, 'GET', `${prefix}/${t}`, undefined, {}, [400, 404]),
      );
    }
    cases.push(
      rawCase(
        G,
        `traversal (encoded) /api/patients/${t}`,
        'GET',
        `/api/patients/${encodeURIComponent(t)}`,
        undefined,
        {},
        [400, 404],
      ),
    );
  }

  const victim = ctx.victimId;
  const ids: Array<[string, string]> = [
    ['upper-case uuid', victim.toUpperCase()],
    ['nil uuid', NIL],
    ['max uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
    ['braced uuid', `{${victim}}`],
    ['urn:uuid', `urn:uuid:${victim}`],
    ['uuid + newline', `${victim}%0A`],
    ['uuid + NUL', `${victim}%00`],
    ['uuid + space', `${victim}%20`],
    ['uuid without dashes', victim.replace(/-/g, '')],
    ['36 dashes', '-'.repeat(36)],
    ['null', 'null'],
    ['undefined', 'undefined'],
    ['zero', '0'],
    ['negative', '-1'],
    ['1e309', '1e309'],
    ['NaN', 'NaN'],
    ['constructor', 'constructor'],
    ['__proto__', '__proto__'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['emoji', encodeURIComponent('😀')],
    ['RTL override', encodeURIComponent('\u202E')],
    ['200 characters', 'a'.repeat(200)],
    ['lone surrogate bytes', encodeLoose('\uD800')],
    ['invalid percent', '%zz'],
    ['truncated percent', '%E0%A4'],
  ];
  for (const [name, id] of ids) {
    const lenient = name.startsWith('upper-case') ? [200, 400, 404] : [400, 404];
    cases.push(
      rawCase(
        G,
        `GET /api/patients/:id ${name}`,
        'GET',
        `/api/patients/${id}`,
        undefined,
        {},
        lenient,
      ),
    );
    cases.push(
      rawCase(
        G,
        `GET related-persons ${name}`,
        'GET',
        `/api/patients/${id}/related-persons`,
        undefined,
        {},
        lenient,
      ),
    );
    cases.push(
      rawCase(
        G,
        `GET /fhir/R4/Patient/:id ${name}`,
        'GET',
        `/fhir/R4/Patient/${id}`,
        undefined,
        {},
        lenient,
      ),
    );
    cases.push(
      jsonCase(
        G,
        `merge into ${name}`,
        'POST',
        `/api/patients/${NIL}/merge`,
        { into: decodeURIComponentSafe(id) },
        [400, 404],
      ),
    );
  }
  cases.push(
    jsonCase(
      G,
      'merge a patient into itself',
      'POST',
      `/api/patients/${victim}/merge`,
      { into: victim },
      [400, 409, 422],
    ),
  );
  cases.push(
    jsonCase(
      G,
      'dismiss a patient against itself',
      'POST',
      '/api/duplicates/dismiss',
      { patientId: victim, candidateId: victim },
      [400, 404, 409, 422],
    ),
  );
  cases.push(
    jsonCase(
      G,
      'update a missing patient',
      'PUT',
      `/api/patients/${NIL}`,
      { ...benignPatient(2), version: 1 },
      [404],
    ),
  );

  const id = ctx.benignIds[0] ?? NIL;
  for (const pattern of ROUTE_PATTERNS) {
    for (const method of ['DELETE', 'PATCH', 'PUT', 'POST', 'GET', 'OPTIONS'] as const) {
      if (ctx.hasRoute(method, pattern)) continue;
      const bodyless = method === 'GET' || method === 'OPTIONS';
      cases.push(
        rawCase(
          G,
          `${method} ${pattern} (not a route)`,
          method,
          pattern.replace(':id', id),
          bodyless ? undefined : '{}',
          bodyless ? {} : { 'content-type': 'application/json' },
          [404, 405],
        ),
      );
    }
  }

  const cursors: Array<[string, string, boolean]> = [
    ['base64url of {}', b64({}), false],
    ['base64url of []', b64([]), false],
    ['base64url of null', b64(null), false],
    ['base64url of a string', b64('x'), false],
    ['arity 1', b64(['a']), false],
    ['arity 3', b64(['a', 'b', 'c']), false],
    ['arity 50', b64(new Array<string>(50).fill('a')), false],
    ['numbers', b64([1, 2]), false],
    ['nulls', b64([null, null]), false],
    ['objects', b64([{ $ne: null }, { $gt: '' }]), false],
    ['SQL in a well-formed cursor', b64(["' OR '1'='1", "'; DROP TABLE patients;--"]), true],
    [
      'lone surrogate in a well-formed cursor',
      Buffer.from('["\\ud800","x"]').toString('base64url'),
      true,
    ],
    ['NUL in a well-formed cursor', b64(['\u0000', '\u0000']), true],
    ['not JSON', Buffer.from('{{{').toString('base64url'), false],
    ['standard base64 with padding', Buffer.from('["a","bc"]').toString('base64'), false],
    ['empty', '', false],
    ['1,024 characters', 'A'.repeat(1024), false],
    ['1,025 characters', 'A'.repeat(1025), false],
  ];
  const cursorParams: Array<[string, string]> = [
    ['/api/patients?q=setup&', 'cursor'],
    ['/api/duplicates?', 'cursor'],
    ['/fhir/R4/Patient?', '_cursor'],
  ];
  for (const [name, cursor, wellFormed] of cursors) {
    for (const [route, param] of cursorParams) {
      const expect = wellFormed ? [200, 400] : cursor === '' ? [200, 400] : [400];
      cases.push(
        rawCase(
          G,
          `${route} tampered cursor: ${name}`,
          'GET',
          `${route}${param}=${encodeURIComponent(cursor)}`,
          undefined,
          {},
          expect,
        ),
      );
    }
  }

  const queries: Array<[string, readonly number[] | undefined]> = [
    ['/api/patients?limit=1&limit=2', [400]],
    ['/api/patients?q=a&q=b', [400]],
    ['/api/patients?q[]=x', [400]],
    ['/api/patients?q[$ne]=null', [400]],
    ['/api/patients?limit=', [400]],
    ['/api/patients?limit=0', [400]],
    ['/api/patients?limit=101', [400]],
    ['/api/patients?limit=-1', [400]],
    ['/api/patients?limit=1.5', [400]],
    ['/api/patients?limit=Infinity', [400]],
    ['/api/patients?limit=9007199254740993', [400]],
    // z.coerce.number() takes these as 16 and 1 (lenient, harmless; noted in the report).
    ['/api/patients?limit=0x10', [200, 400]],
    ['/api/patients?limit=%201', [200, 400]],
    ['/api/patients?limit=1e1', [200, 400]],
    ['/api/patients?&&&=&=', [400]],
    ['/api/patients?%00=1', [400]],
    ['/api/duplicates?limit=true', [400]],
    ['/fhir/R4/Patient?name=a&name=b', [400]],
    ['/fhir/R4/Patient?_count=1&_count=2', [400]],
    ['/fhir/R4/Patient?_count=-1', [200, 400]],
    ['/fhir/R4/Patient?_count=1e309', [400]],
    ['/fhir/R4/Patient?birthdate=2024-13-01', [400]],
    ['/fhir/R4/Patient?birthdate=sa2024', [400]],
    ['/fhir/R4/Patient?birthdate=ge', [400]],
    ['/fhir/R4/Patient?identifier=a,b', [400]],
    ['/fhir/R4/Patient?identifier=%7C', [200, 400]],
    ['/fhir/R4/Patient?name:exact=x', [400]],
    ['/fhir/R4/Patient?name=', [400]],
    ['/fhir/R4/Patient?name=%00', [400]],
    ['/fhir/R4/Patient?_format=xml', [400]],
    ['/fhir/R4/Patient?_summary=count', [400]],
    ['/fhir/R4/Patient?_elements=id', [400]],
    ['/fhir/R4/Patient?_has:Observation:patient:code=1', [400]],
    ['/fhir/R4/Patient?_id=1%20OR%201=1', [400]],
  ];
  for (const [url, expect] of queries)
    cases.push(rawCase(G, url, 'GET', url, undefined, {}, expect));
  return cases;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
