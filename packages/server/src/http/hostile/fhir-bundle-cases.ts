import { jsonCase, rawCase, type HostileCase } from './hostile-harness';

const G = 'fhir-bundles';
const URL_ = '/fhir/R4';
const REJECT = [400, 409, 413, 422] as const;

let serial = 0;
function uuid(): string {
  serial += 1;
  return `7e57ab1e-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

export function patient(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    name: [{ family: 'Bundle', given: ['Hostile'] }],
    gender: 'female',
    birthDate: '1970-01-01',
    ...extra,
  };
}

export function entry(
  resource: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    fullUrl: `urn:uuid:${uuid()}`,
    resource,
    request: { method: 'POST', url: 'Patient' },
    ...extra,
  };
}

export function bundle(
  entries: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'transaction', entry: entries, ...extra };
}

const SSRF_REFERENCES = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://127.0.0.1:8080/fhir/R4/Patient/1',
  'http://[::1]/Patient/1',
  'https://evil.example/fhir/Patient/1',
  'file:///etc/passwd',
  'gopher://127.0.0.1:6379/_FLUSHALL',
  'javascript:alert(1)',
  'Patient/../Patient/2',
  'Patient/../../etc/passwd',
  'Patient/%2e%2e%2fetc',
  'urn:uuid:00000000-dead-beef-0000-000000000000',
  '#contained-missing',
  `Patient/${'a'.repeat(10_000)}`,
  "Patient/' OR '1'='1",
  'Patient/',
  '',
];

/** Transaction bundles that are huge, cyclic, self-contradictory, or point somewhere they must not. */
export function fhirBundleCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  /** `expect` null: any non-5xx answer is acceptable (the importer may take it as data). */
  const add = (name: string, body: unknown, expect: readonly number[] | null = REJECT) =>
    cases.push(jsonCase(G, name, 'POST', URL_, body, expect ?? undefined));

  const tiny = JSON.stringify({ resource: { resourceType: 'Basic' } });
  cases.push(
    rawCase(
      G,
      '100,001 entries',
      'POST',
      URL_,
      `{"resourceType":"Bundle","type":"transaction","entry":[${new Array<string>(100_001).fill(tiny).join(',')}]}`,
      { 'content-type': 'application/fhir+json' },
      REJECT,
    ),
  );

  const notObjects: Array<[string, unknown]> = [
    ['null', null],
    ['number', 1],
    ['string', 'x'],
    ['array', []],
    ['boolean', true],
    ['nested array', [[{}]]],
  ];
  for (const [name, value] of notObjects) {
    add(`entry that is a ${name}`, bundle([value]));
    add(`resource that is a ${name}`, bundle([entry(value)]));
    add(`entry list that is a ${name}`, bundle(value), Array.isArray(value) ? null : REJECT);
    // The importer reads resources, not entry.request (noted in the report).
    add(`request that is a ${name}`, bundle([entry(patient(), { request: value })]), null);
  }
  add('bundle without entry', { resourceType: 'Bundle', type: 'transaction' }, [200, 400]);
  add('empty entry list', bundle([]), [200, 400]);
  add('entry of empty object', bundle([{}]));

  for (const type of [
    'searchset',
    'document',
    'collection',
    'history',
    'message',
    'TRANSACTION',
    '',
    null,
    1,
    'transaction-response',
  ]) {
    add(`bundle type ${JSON.stringify(type)}`, bundle([entry(patient())], { type }), [400]);
  }
  for (const rt of [
    'bundle',
    'BUNDLE',
    'Bundle ',
    '',
    null,
    'Patient',
    '__proto__',
    'constructor',
    'toString',
  ]) {
    add(
      `root resourceType ${JSON.stringify(rt)}`,
      { ...bundle([entry(patient())]), resourceType: rt },
      [400],
    );
  }
  add(
    'entry resourceType "Bundle" (nested bundle)',
    bundle([entry(patient({ resourceType: 'Bundle' }))]),
    null,
  );
  for (const rt of [
    'patient',
    'PATIENT',
    'Patient ',
    '',
    null,
    42,
    'NotAType',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
  ]) {
    add(
      `entry resourceType ${JSON.stringify(rt)}`,
      bundle([entry(patient({ resourceType: rt }))]),
      [400, 422],
    );
  }

  // Identity mismatches between the URL, the fullUrl and the resource.
  add(
    'PUT url id differs from resource id',
    bundle([entry(patient({ id: 'abc' }), { request: { method: 'PUT', url: 'Patient/xyz' } })]),
    null,
  );
  add(
    'POST url names another type',
    bundle([entry(patient(), { request: { method: 'POST', url: 'Observation' } })]),
    null,
  );
  add(
    'fullUrl type differs from resource type',
    bundle([entry(patient({ id: 'p1' }), { fullUrl: 'http://x.example/fhir/Observation/p1' })]),
    null,
  );
  add(
    'duplicate fullUrls',
    bundle([
      entry(patient(), { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111' }),
      entry(patient({ name: [{ family: 'Other' }] }), {
        fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
      }),
    ]),
  );
  for (const id of ['a'.repeat(65), 'a/b', '../x', 'ü', '', ' x', "' OR 1=1", '__proto__']) {
    add(`resource id ${JSON.stringify(id.slice(0, 20))}`, bundle([entry(patient({ id }))]), null);
  }
  for (const method of ['DELETE', 'PATCH', 'GET', 'HEAD', 'TRACE', 'post', '', 1, null]) {
    add(
      `request.method ${JSON.stringify(method)}`,
      bundle([entry(patient(), { request: { method, url: 'Patient' } })]),
      null,
    );
  }
  for (const url of [
    '../../etc/passwd',
    'http://169.254.169.254/latest/meta-data/',
    'Patient?identifier=x&_include=*',
    'Patient/$everything',
    '',
  ]) {
    add(
      `request.url ${JSON.stringify(url)}`,
      bundle([entry(patient(), { request: { method: 'POST', url } })]),
      null,
    );
  }
  add(
    'ifNoneExist with SQL',
    bundle([
      entry(patient(), {
        request: { method: 'POST', url: 'Patient', ifNoneExist: "identifier=' OR '1'='1" },
      }),
    ]),
    null,
  );

  // References: SSRF targets, traversal, dangling; from RelatedPerson.patient and Patient.link.
  for (const reference of SSRF_REFERENCES) {
    const p = entry(patient());
    add(
      `RelatedPerson.patient → ${reference.slice(0, 60)}`,
      bundle([
        p,
        entry(
          { resourceType: 'RelatedPerson', patient: { reference }, name: [{ family: 'Kin' }] },
          { request: { method: 'POST', url: 'RelatedPerson' } },
        ),
      ]),
      null,
    );
    add(
      `Patient.generalPractitioner → ${reference.slice(0, 60)}`,
      bundle([entry(patient({ generalPractitioner: [{ reference }] }))]),
      null,
    );
    add(
      `fullUrl ${reference.slice(0, 60)}`,
      bundle([entry(patient(), { fullUrl: reference })]),
      null,
    );
  }
  const a = `urn:uuid:${uuid()}`;
  const b = `urn:uuid:${uuid()}`;
  add(
    'circular Patient.link A↔B',
    bundle([
      entry(patient({ link: [{ other: { reference: b }, type: 'seealso' }] }), { fullUrl: a }),
      entry(
        patient({
          name: [{ family: 'Circle' }],
          link: [{ other: { reference: a }, type: 'seealso' }],
        }),
        { fullUrl: b },
      ),
    ]),
    null,
  );
  const self = `urn:uuid:${uuid()}`;
  add(
    'Patient.link to itself',
    bundle([
      entry(patient({ link: [{ other: { reference: self }, type: 'replaced-by' }] }), {
        fullUrl: self,
      }),
    ]),
    null,
  );
  add(
    'RelatedPerson that is its own patient',
    bundle([
      entry(
        { resourceType: 'RelatedPerson', patient: { reference: self } },
        { fullUrl: self, request: { method: 'POST', url: 'RelatedPerson' } },
      ),
    ]),
    null,
  );
  add(
    'Coverage beneficiary and payor cycle',
    bundle([
      entry(
        {
          resourceType: 'Coverage',
          status: 'active',
          beneficiary: { reference: b },
          payor: [{ reference: a }],
        },
        { fullUrl: a, request: { method: 'POST', url: 'Coverage' } },
      ),
      entry(
        {
          resourceType: 'Coverage',
          status: 'active',
          beneficiary: { reference: a },
          payor: [{ reference: b }],
        },
        { fullUrl: b, request: { method: 'POST', url: 'Coverage' } },
      ),
    ]),
    null,
  );
  add(
    'contained resource with a reference out',
    bundle([
      entry(
        patient({
          contained: [
            {
              resourceType: 'Organization',
              id: 'o',
              partOf: { reference: 'http://169.254.169.254/' },
            },
          ],
          managingOrganization: { reference: '#o' },
        }),
      ),
    ]),
    null,
  );

  // Values the importer must check, not trust.
  const deep = `${'{"extension":['.repeat(100_000)}{}${']}'.repeat(100_000)}`;
  cases.push(
    rawCase(
      G,
      'extension nested 100k deep',
      'POST',
      URL_,
      `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient","name":[{"family":"Deep"}],"extension":[${deep}]}}]}`,
      { 'content-type': 'application/fhir+json' },
      REJECT,
    ),
  );
  cases.push(
    rawCase(
      G,
      'birthDate 1e309',
      'POST',
      URL_,
      `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient","name":[{"family":"Big"}],"birthDate":1e309}}]}`,
      { 'content-type': 'application/fhir+json' },
      REJECT,
    ),
  );
  cases.push(
    rawCase(
      G,
      'multipleBirthInteger 1e309',
      'POST',
      URL_,
      `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient","multipleBirthInteger":1e309}}]}`,
      { 'content-type': 'application/fhir+json' },
      REJECT,
    ),
  );
  add(
    'multipleBirthInteger above 2^53',
    bundle([entry(patient({ multipleBirthInteger: 2 ** 53 + 2 }))]),
    null,
  );
  add('gender not a code', bundle([entry(patient({ gender: 'attack helicopter' }))]));
  add('birthDate 2024-02-30', bundle([entry(patient({ birthDate: '2024-02-30' }))]));
  add('birthDate far future', bundle([entry(patient({ birthDate: '9999-12-31' }))]));
  add('NUL in family', bundle([entry(patient({ name: [{ family: 'a\u0000b' }] }))]));
  add(
    'Claim with money 1e-7 and negative',
    bundle([
      entry(patient()),
      entry(
        { resourceType: 'Claim', total: { value: -0.0000001, currency: 'USD' } },
        { request: { method: 'POST', url: 'Claim' } },
      ),
    ]),
    null,
  );
  add(
    '500 unknown resource types',
    bundle(Array.from({ length: 500 }, (_, i) => entry({ resourceType: `Fake${i}` }))),
  );
  return cases;
}
