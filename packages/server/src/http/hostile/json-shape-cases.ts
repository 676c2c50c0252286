import { benignPatient, MALFORMED_JSON } from './hostile-payloads';
import { jsonCase, rawCase, type CorpusContext, type HostileCase } from './hostile-harness';

const G = 'json-shape';
const BAD = [400] as const;
const NIL = '00000000-0000-4000-8000-000000000000';

/** Every route that reads a JSON body, with a body it would accept. */
export function bodyRoutes(
  ctx: CorpusContext,
): Array<{ method: 'POST' | 'PUT'; url: string; valid: Record<string, unknown> }> {
  return [
    { method: 'POST', url: '/api/patients', valid: benignPatient(7) },
    {
      method: 'PUT',
      url: `/api/patients/${ctx.victimId}`,
      valid: { ...benignPatient(8), version: ctx.victimVersion },
    },
    { method: 'POST', url: `/api/patients/${NIL}/merge`, valid: { into: ctx.victimId } },
    {
      method: 'POST',
      url: '/api/duplicates/dismiss',
      valid: { patientId: NIL, candidateId: ctx.victimId },
    },
    {
      method: 'POST',
      url: '/fhir/R4',
      valid: { resourceType: 'Bundle', type: 'transaction', entry: [] },
    },
    {
      method: 'POST',
      url: `/api/patients/${ctx.victimId}/related-persons`,
      valid: { names: [{ given: ['Kin'], family: 'Hostile' }], relationship: 'SIB' },
    },
    {
      method: 'POST',
      url: `/api/patients/${ctx.victimId}/coverages`,
      valid: { payerName: 'Hostile Mutual' },
    },
    {
      method: 'POST',
      url: `/api/patients/${ctx.victimId}/care-team`,
      valid: { practitionerId: NIL, role: 'pcp' },
    },
    // The service desk: a case for an unidentified caller, a patient's request, a reply.
    {
      method: 'POST',
      url: '/api/cases',
      valid: { channel: 'phone', category: 'general', subject: 'Hostile', caller: { name: 'X' } },
    },
    {
      method: 'POST',
      url: `/api/patients/${ctx.victimId}/cases`,
      valid: { category: 'general', subject: 'Hostile', message: 'Hello' },
    },
    { method: 'POST', url: `/api/cases/${NIL}/messages`, valid: { body: 'Hostile' } },
  ];
}

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Bodies that are not JSON, are JSON of the wrong shape, or hide hostile numbers and nesting. */
export function jsonShapeCases(ctx: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of bodyRoutes(ctx)) {
    const ct = route.url.startsWith('/fhir/') ? 'application/fhir+json' : 'application/json';
    const at = `${route.method} ${route.url.replace(/[0-9a-f-]{36}/, ':id')}`;
    for (const [name, text] of MALFORMED_JSON) {
      // A BOM before valid JSON may be tolerated (RFC 8259 §8.1 allows ignoring it).
      const expect = name.startsWith('BOM') ? undefined : BAD;
      cases.push(
        rawCase(
          G,
          `${at}: malformed JSON (${name})`,
          route.method,
          route.url,
          text,
          { 'content-type': ct },
          expect,
        ),
      );
    }
    const roots: Array<[string, string]> = [
      ['null root', 'null'],
      ['array root', '[]'],
      ['string root', '"x"'],
      ['number root', '1'],
      ['boolean root', 'true'],
      ['empty object', '{}'],
      ['nesting 100k deep (arrays)', deepArray(100_000)],
      ['nesting 100k deep (objects)', deepObject(100_000)],
      ['number 1e309', '1e309'],
    ];
    for (const [name, text] of roots) {
      cases.push(
        rawCase(
          G,
          `${at}: ${name}`,
          route.method,
          route.url,
          text,
          { 'content-type': ct },
          [400, 404, 413, 422],
        ),
      );
    }
    const valid = JSON.stringify(route.valid).slice(0, -1);
    // The importer ignores Bundle-level elements it does not read (noted in the report).
    const extra = route.url === '/fhir/R4' ? [200, 400, 413, 422] : [400, 404, 413, 422];
    cases.push(
      rawCase(
        G,
        `${at}: nested 100k deep in a field`,
        route.method,
        route.url,
        `${valid},"zz":${deepArray(100_000)}}`,
        { 'content-type': ct },
        extra,
      ),
    );
    cases.push(
      rawCase(
        G,
        `${at}: lone surrogate key`,
        route.method,
        route.url,
        `${valid},"\\ud800":1}`,
        { 'content-type': ct },
        extra,
      ),
    );
  }

  const base = { ...benignPatient(9), identifiers: [] };
  const p = JSON.stringify(base).slice(1, -1);
  const create = (name: string, text: string, expect?: readonly number[]) =>
    cases.push(
      rawCase(
        G,
        `create: ${name}`,
        'POST',
        '/api/patients',
        text,
        { 'content-type': 'application/json' },
        expect,
      ),
    );
  create('duplicate keys (names twice)', `{${p},"names":[{"family":"Second"}]}`);
  create(
    'duplicate keys (sex twice, second invalid)',
    `{${p},"administrativeSex":"female","administrativeSex":"x"}`,
    BAD,
  );
  create('rank 1e309', `{${p},"telecom":[{"system":"phone","value":"5550100","rank":1e309}]}`, BAD);
  create(
    'rank above 2^53',
    `{${p},"telecom":[{"system":"phone","value":"5550100","rank":9007199254740993}]}`,
    BAD,
  );
  create('rank -0', `{${p},"telecom":[{"system":"phone","value":"5550100","rank":-0}]}`, BAD);
  create('rank 1.5', `{${p},"telecom":[{"system":"phone","value":"5550100","rank":1.5}]}`, BAD);
  create(
    'birthDate as number',
    `{${p.replace(/"birthDate":"[^"]*"/, '"birthDate":19800101')}}`,
    BAD,
  );
  create('birthDate 1e309', `{${p.replace(/"birthDate":"[^"]*"/, '"birthDate":1e309')}}`, BAD);

  const shapes: Array<[string, Record<string, unknown>, readonly number[] | undefined]> = [
    ['names is a string', { names: 'Smith' }, BAD],
    ['names is an object', { names: { family: 'x' } }, BAD],
    ['names empty', { names: [] }, BAD],
    ['names of null', { names: [null] }, BAD],
    ['given is a string', { names: [{ given: 'x', family: 'y' }] }, BAD],
    ['given of numbers', { names: [{ given: [1, 2], family: 'y' }] }, BAD],
    ['family is an array', { names: [{ family: ['a'] }] }, BAD],
    ['name use unknown', { names: [{ use: 'admin', family: 'x' }] }, BAD],
    ['sex upper-case', { administrativeSex: 'MALE' }, BAD],
    ['deceased as string', { deceased: 'true' }, BAD],
    ['birthDate 1980-02-30', { birthDate: '1980-02-30' }, BAD],
    ['birthDate 0000-00-00', { birthDate: '0000-00-00' }, BAD],
    ['birthDate in the future', { birthDate: '2999-01-01' }, [400, 422]],
    ['birthDate with time', { birthDate: '1980-01-01T00:00:00Z' }, BAD],
    ['deceasedAt garbage', { deceased: true, deceasedAt: "'; DROP TABLE x;--" }, BAD],
    [
      'quietHours garbage',
      { quietHours: { start: '25:99', end: 'x', timeZone: '../../etc/localtime' } },
      BAD,
    ],
    ['preferredLanguage traversal', { preferredLanguage: '../../etc/passwd' }, undefined],
    ['telecom system fax', { telecom: [{ system: 'fax', value: '1' }] }, BAD],
    ['telecom email invalid', { telecom: [{ system: 'email', value: 'not an email' }] }, BAD],
    ['telecom phone letters', { telecom: [{ system: 'phone', value: 'CALL-ME-NOW' }] }, BAD],
    ['identifier empty value', { identifiers: [{ system: 'urn:x', value: '' }] }, BAD],
    ['country USA (3 letters)', { addresses: [{ city: 'X', country: 'USA' }] }, BAD],
    ['quietHours as array', { quietHours: [] }, BAD],
  ];
  for (const [name, patch, expect] of shapes) {
    cases.push(
      jsonCase(G, `create: ${name}`, 'POST', '/api/patients', { ...base, ...patch }, expect),
    );
  }

  // Mass assignment: server-owned fields and privilege fields are never accepted.
  const massAssign: Array<[string, unknown]> = [
    ['organizationId', NIL],
    ['version', 99],
    ['mergedInto', ctx.victimId],
    ['id', NIL],
    ['createdAt', '2000-01-01T00:00:00Z'],
    ['updatedAt', '2000-01-01T00:00:00Z'],
    ['role', 'admin'],
    ['balance', -1000],
    ['meta', { account: 'x' }],
    ['isAdmin', true],
    ['duplicatesFlagged', 0],
    ['_id', 1],
  ];
  for (const [field, value] of massAssign) {
    cases.push(
      jsonCase(
        G,
        `create: mass-assign ${field}`,
        'POST',
        '/api/patients',
        { ...base, [field]: value },
        BAD,
      ),
    );
    if (field !== 'version') {
      cases.push(
        jsonCase(
          G,
          `update: mass-assign ${field}`,
          'PUT',
          `/api/patients/${ctx.victimId}`,
          { ...base, version: ctx.victimVersion, [field]: value },
          BAD,
        ),
      );
    }
    cases.push(
      jsonCase(
        G,
        `create: mass-assign names[0].${field}`,
        'POST',
        '/api/patients',
        { ...base, names: [{ family: 'Mass', [field]: value }] },
        BAD,
      ),
    );
  }
  cases.push(
    jsonCase(
      G,
      'merge: extra field',
      'POST',
      `/api/patients/${NIL}/merge`,
      { into: ctx.victimId, force: true },
      BAD,
    ),
  );
  cases.push(
    jsonCase(
      G,
      'dismiss: extra field',
      'POST',
      '/api/duplicates/dismiss',
      { patientId: NIL, candidateId: ctx.victimId, organizationId: NIL },
      BAD,
    ),
  );
  cases.push(
    jsonCase(
      G,
      'update: version 0',
      'PUT',
      `/api/patients/${ctx.victimId}`,
      { ...base, version: 0 },
      BAD,
    ),
  );
  cases.push(
    jsonCase(
      G,
      'update: version 2^53+2',
      'PUT',
      `/api/patients/${ctx.victimId}`,
      { ...base, version: 2 ** 53 + 2 },
      [400, 409],
    ),
  );
  cases.push(
    jsonCase(
      G,
      'update: version as string',
      'PUT',
      `/api/patients/${ctx.victimId}`,
      { ...base, version: '1' },
      BAD,
    ),
  );
  cases.push(jsonCase(G, 'update: no version', 'PUT', `/api/patients/${ctx.victimId}`, base, BAD));
  return cases;
}
