import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCareDesk } from '../../testing/test-caredesk';
import { corpusBearer } from './hostile-credentials';
import { contractViolations } from './hostile-harness';

type Desk = Awaited<ReturnType<typeof startTestCareDesk>>;
let desk: Desk;
/** A staff integration token: the arbitrary bodies must reach the handlers, not the 401. */
let bearer: { authorization: string };

beforeAll(async () => {
  desk = await startTestCareDesk();
  bearer = await corpusBearer(desk);
});
afterAll(async () => desk?.dispose());

const RUNS = 300;

/** Any JSON text: fc.jsonValue, plus fc.anything wherever JSON.stringify can write it. */
const anyJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .anything({ maxDepth: 4 })
    .map((v) => {
      try {
        const text: string | undefined = JSON.stringify(v);
        return text;
      } catch {
        return undefined;
      }
    })
    .filter((s): s is string => typeof s === 'string'),
);

/** Objects shaped like a patient, with every field either plausible or any JSON value. */
const patientish = fc.record(
  {
    names: fc.oneof(
      fc.jsonValue(),
      fc.array(
        fc.record(
          {
            given: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
            family: fc.oneof(fc.string(), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    birthDate: fc.oneof(
      fc.string(),
      fc.jsonValue(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    administrativeSex: fc.oneof(
      fc.constantFrom('male', 'female', 'other', 'unknown'),
      fc.jsonValue(),
    ),
    identifiers: fc.oneof(
      fc.jsonValue(),
      fc.array(fc.record({ system: fc.string(), value: fc.string() }), { maxLength: 3 }),
    ),
    telecom: fc.oneof(
      fc.jsonValue(),
      fc.array(
        fc.record({ system: fc.constantFrom('phone', 'email', 'sms'), value: fc.string() }),
        { maxLength: 3 },
      ),
    ),
    preferredLanguage: fc.oneof(fc.string(), fc.jsonValue()),
    quietHours: fc.oneof(
      fc.jsonValue(),
      fc.record({ start: fc.string(), end: fc.string(), timeZone: fc.string() }),
    ),
  },
  { requiredKeys: [] },
);

/** Bundles shaped like a transaction, with arbitrary resources inside. */
const bundleish = fc.record({
  resourceType: fc.constant('Bundle'),
  type: fc.constantFrom('transaction', 'batch'),
  entry: fc.array(
    fc.record(
      {
        fullUrl: fc.oneof(
          fc.uuid().map((u) => `urn:uuid:${u}`),
          fc.string(),
        ),
        resource: fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              resourceType: fc.constantFrom(
                'Patient',
                'RelatedPerson',
                'Coverage',
                'Organization',
                'Observation',
                'Basic',
              ),
              name: fc.jsonValue(),
              gender: fc.oneof(fc.constantFrom('male', 'female'), fc.jsonValue()),
              birthDate: fc.oneof(fc.string(), fc.jsonValue()),
              identifier: fc.jsonValue(),
              patient: fc.record({ reference: fc.string() }),
            },
            { requiredKeys: ['resourceType'] },
          ),
        ),
        request: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 5 },
  ),
});

async function post(url: string, body: string): Promise<string[]> {
  const started = performance.now();
  const ct = url.startsWith('/fhir/') ? 'application/fhir+json' : 'application/json';
  const res = await desk.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer, 'content-type': ct },
    payload: body,
  });
  const contentType = res.headers['content-type'];
  const violations = contractViolations(
    { method: 'POST', url },
    res.statusCode,
    typeof contentType === 'string' ? contentType : undefined,
    res.body,
    performance.now() - started,
  );
  // The token holds patient.create and import.fhir: a 401/403 means the body never got tested.
  if (res.statusCode === 401 || res.statusCode === 403)
    violations.push(`refused by access control (${res.statusCode}), the handler was not reached`);
  return violations;
}

describe('arbitrary JSON never makes a 5xx', () => {
  const targets: Array<[string, string, fc.Arbitrary<string>]> = [
    ['any JSON', '/api/patients', anyJson],
    ['patient-shaped JSON', '/api/patients', patientish.map((v) => JSON.stringify(v))],
    ['any JSON', '/fhir/R4', anyJson],
    ['bundle-shaped JSON', '/fhir/R4', bundleish.map((v) => JSON.stringify(v))],
  ];
  for (const [kind, url, arbitrary] of targets) {
    it(`POST ${url}: ${kind}, ${RUNS} runs`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (body) => {
          expect(await post(url, body)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 60_000);
  }
});
