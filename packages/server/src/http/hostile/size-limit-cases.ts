import { benignPatient } from './hostile-payloads';
import { jsonCase, rawCase, type CorpusContext, type HostileCase } from './hostile-harness';
import { MESSAGE_BODY_LIMIT } from '../cases/case-routes';
import { bodyRoutes } from './json-shape-cases';

const G = 'size-limits';
export const MIB = 1024 * 1024;
const NIL = '00000000-0000-4000-8000-000000000000';

/** Valid JSON of exactly `bytes` bytes: the object, then space padding before the brace. */
function padTo(value: Record<string, unknown>, bytes: number): string {
  const text = JSON.stringify(value);
  return `${text.slice(0, -1)}${' '.repeat(bytes - Buffer.byteLength(text))}}`;
}

/** Bodies, arrays, strings, URLs and content lengths at and past every limit. */
export function sizeLimitCases(ctx: CorpusContext, fhirBodyLimit: number): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of bodyRoutes(ctx)) {
    const limit = route.url.startsWith('/fhir/')
      ? fhirBodyLimit
      : route.url.endsWith('/messages')
        ? MESSAGE_BODY_LIMIT
        : MIB;
    const ct = {
      'content-type': route.url.startsWith('/fhir/') ? 'application/fhir+json' : 'application/json',
    };
    const at = `${route.method} ${route.url.replace(/[0-9a-f-]{36}/, ':id')}`;
    cases.push(
      rawCase(
        G,
        `${at}: body 1 byte over the limit`,
        route.method,
        route.url,
        padTo(route.valid, limit + 1),
        ct,
        [413],
      ),
    );
    cases.push(
      rawCase(
        G,
        `${at}: Content-Length claims 10 GB`,
        route.method,
        route.url,
        '{}',
        { ...ct, 'content-length': '10000000000' },
        [400, 413],
      ),
    );
    cases.push(
      rawCase(
        G,
        `${at}: Content-Length shorter than the body`,
        route.method,
        route.url,
        JSON.stringify(route.valid),
        { ...ct, 'content-length': '5' },
        [400],
      ),
    );
    cases.push(
      rawCase(
        G,
        `${at}: Content-Length not a number`,
        route.method,
        route.url,
        '{}',
        { ...ct, 'content-length': 'abc' },
        [400, 411, 413],
      ),
    );
  }
  const noIds = { ...benignPatient(6), identifiers: [] };
  cases.push(
    rawCase(
      G,
      'create: body exactly at 1 MiB',
      'POST',
      '/api/patients',
      padTo(noIds, MIB),
      { 'content-type': 'application/json' },
      [201],
    ),
  );
  const zeros = (n: number) => `[${new Array<string>(n).fill('0').join(',')}]`;
  cases.push(
    rawCase(
      G,
      'create: 1M-element array',
      'POST',
      '/api/patients',
      zeros(1_000_000),
      { 'content-type': 'application/json' },
      [413],
    ),
  );
  cases.push(
    rawCase(
      G,
      'create: 1M-element given array',
      'POST',
      '/api/patients',
      `{"names":[{"family":"X","given":${JSON.stringify(new Array<string>(1_000_000).fill('a'))}}]}`,
      { 'content-type': 'application/json' },
      [413],
    ),
  );
  cases.push(
    rawCase(
      G,
      'create: 100k-element given array (under the byte limit)',
      'POST',
      '/api/patients',
      `{"names":[{"family":"X","given":${JSON.stringify(new Array<string>(100_000).fill('a'))}}]}`,
      { 'content-type': 'application/json' },
      [400],
    ),
  );
  cases.push(
    rawCase(
      G,
      'import: 1M-element entry array',
      'POST',
      '/fhir/R4',
      `{"resourceType":"Bundle","type":"transaction","entry":${zeros(1_000_000)}}`,
      { 'content-type': 'application/fhir+json' },
      [400, 413, 422],
    ),
  );

  const many = <T>(n: number, item: (i: number) => T): T[] =>
    Array.from({ length: n }, (_, i) => item(i));
  const arrays: Array<[string, Record<string, unknown>]> = [
    ['11 names', { names: many(11, () => ({ family: 'A' })) }],
    ['11 given names', { names: [{ family: 'A', given: many(11, () => 'B') }] }],
    ['6 prefixes', { names: [{ family: 'A', prefix: many(6, () => 'Dr') }] }],
    ['21 identifiers', { identifiers: many(21, (i) => ({ system: 'urn:x', value: `v${i}` })) }],
    [
      '21 telecoms',
      {
        telecom: many(21, (i) => ({
          system: 'phone',
          value: `+1312555${String(i).padStart(4, '0')}`,
        })),
      },
    ],
    ['11 addresses', { addresses: many(11, () => ({ city: 'X' })) }],
    ['6 address lines', { addresses: [{ city: 'X', lines: many(6, () => 'L') }] }],
    ['family 801 characters', { names: [{ family: 'a'.repeat(801) }] }],
    ['family 201 code points', { names: [{ family: 'a'.repeat(201) }] }],
    ['family 201 astral code points', { names: [{ family: '𝒜'.repeat(201) }] }],
    ['identifier value 129', { identifiers: [{ system: 'urn:x', value: 'v'.repeat(129) }] }],
    ['preferredLanguage 36', { preferredLanguage: 'e'.repeat(36) }],
    [
      'email 1,100 characters',
      { telecom: [{ system: 'email', value: `${'a'.repeat(1090)}@example.com` }] },
    ],
    ['birthDate 11 characters', { birthDate: '1980-01-011' }],
  ];
  for (const [name, patch] of arrays) {
    cases.push(
      jsonCase(G, `create: ${name}`, 'POST', '/api/patients', { ...noIds, ...patch }, [400]),
    );
  }
  cases.push(
    jsonCase(
      G,
      'create: family exactly 200 code points',
      'POST',
      '/api/patients',
      { ...noIds, names: [{ family: 'b'.repeat(200) }] },
      [201],
    ),
  );

  const big = 'a'.repeat(100_000);
  const urls: Array<[string, string, readonly number[]]> = [
    ['100 KB q', `/api/patients?q=${big}`, [400, 414]],
    ['100 KB cursor', `/api/patients?cursor=${big}`, [400, 414]],
    ['100 KB FHIR name', `/fhir/R4/Patient?name=${big}`, [400, 414]],
    ['100 KB FHIR _cursor', `/fhir/R4/Patient?_cursor=${big}`, [400, 414]],
    ['100 KB parameter name', `/api/patients?${big}=1`, [400, 414]],
    ['100 KB path id', `/api/patients/${big}`, [400, 404, 414]],
    ['100 KB FHIR path id', `/fhir/R4/Patient/${big}`, [400, 404, 414]],
    ['201-character path id', `/api/patients/${'a'.repeat(201)}`, [400, 404, 414]],
    [
      '10,000 query parameters',
      `/api/patients?${many(10_000, (i) => `p${i}=1`).join('&')}`,
      [400, 414],
    ],
    ['10,000 repeats of q', `/api/patients?${many(10_000, () => 'q=a').join('&')}`, [400, 414]],
    [
      '10,000 repeats of FHIR name',
      `/fhir/R4/Patient?${many(10_000, () => 'name=a').join('&')}`,
      [400, 414],
    ],
    ['_count=1e7', '/fhir/R4/Patient?_count=10000000', [200, 400]],
    ['limit=1e7', '/api/patients?limit=10000000', [400]],
    ['ReDoS in q', `/api/patients?q=${'a'.repeat(190)}!`, [200]],
    ['ReDoS in FHIR identifier', `/fhir/R4/Patient?identifier=${'\\|'.repeat(120)}!`, [200, 400]],
    ['ReDoS in birthdate', `/fhir/R4/Patient?birthdate=${'1'.repeat(250)}!`, [400]],
  ];
  for (const [name, url, expect] of urls)
    cases.push(rawCase(G, name, 'GET', url, undefined, {}, expect));
  cases.push(
    jsonCase(G, 'merge: id 100 KB', 'POST', `/api/patients/${NIL}/merge`, { into: big }, [400]),
  );
  return cases;
}
