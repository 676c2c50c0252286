import { benignPatient, encodeLoose, TEXT_ATTACKS } from './hostile-payloads';
import { jsonCase, rawCase, type CorpusContext, type HostileCase } from './hostile-harness';

const G = 'unicode-names';

/** Where person-entered text goes in a JSON API patient: path → body holding the value. */
const API_FIELDS: ReadonlyArray<readonly [string, (v: string) => Record<string, unknown>]> = [
  ['names[0].family', (v) => ({ names: [{ given: ['Uni'], family: v }] })],
  ['names[0].given[0]', (v) => ({ names: [{ given: [v], family: 'Code' }] })],
  ['names[0].prefix[0]', (v) => ({ names: [{ given: ['Uni'], family: 'Code', prefix: [v] }] })],
  ['names[0].suffix[0]', (v) => ({ names: [{ given: ['Uni'], family: 'Code', suffix: [v] }] })],
  ['addresses[0].lines[0]', (v) => ({ addresses: [{ lines: [v], city: 'Springfield' }] })],
  ['addresses[0].city', (v) => ({ addresses: [{ lines: ['1 Main St'], city: v }] })],
  ['genderIdentity', (v) => ({ genderIdentity: v })],
  ['identifiers[0].value', (v) => ({ identifiers: [{ system: 'urn:hostile:unicode', value: v }] })],
];

/** Where it goes in a FHIR Patient. */
const FHIR_FIELDS: ReadonlyArray<readonly [string, (v: string) => Record<string, unknown>]> = [
  ['Patient.name[0].family', (v) => ({ name: [{ family: v, given: ['Uni'] }] })],
  ['Patient.name[0].given[0]', (v) => ({ name: [{ family: 'Code', given: [v] }] })],
  ['Patient.address[0].city', (v) => ({ name: [{ family: 'Code' }], address: [{ city: v }] })],
];

let serial = 0;

function fhirBundle(patient: Record<string, unknown>): Record<string, unknown> {
  serial += 1;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:6f0c1a52-6a4b-4f43-9a57-${serial.toString(16).padStart(12, '0')}`,
        resource: {
          resourceType: 'Patient',
          gender: 'unknown',
          birthDate: '1990-01-01',
          ...patient,
        },
        request: { method: 'POST', url: 'Patient' },
      },
    ],
  };
}

/** Each Unicode / spreadsheet attack in each name and text field, on create, import and search. */
export function unicodeNameCases(ctx: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  const base = { ...benignPatient(5), identifiers: [] };
  for (const attack of TEXT_ATTACKS) {
    const expect = attack.mayAccept ? undefined : [400];
    for (const [field, put] of API_FIELDS) {
      cases.push(
        jsonCase(
          G,
          `create ${field}: ${attack.name}`,
          'POST',
          '/api/patients',
          { ...base, ...put(attack.value) },
          expect,
        ),
      );
    }
    for (const [field, put] of FHIR_FIELDS) {
      cases.push(
        jsonCase(
          G,
          `import ${field}: ${attack.name}`,
          'POST',
          '/fhir/R4',
          fhirBundle(put(attack.value)),
          expect,
        ),
      );
    }
    cases.push(
      jsonCase(
        G,
        `related person family: ${attack.name}`,
        'POST',
        `/api/patients/${ctx.victimId}/related-persons`,
        { names: [{ given: ['Kin'], family: attack.value }], relationship: 'SIB' },
        expect,
      ),
    );
    cases.push(
      jsonCase(
        G,
        `coverage payerName: ${attack.name}`,
        'POST',
        `/api/patients/${ctx.victimId}/coverages`,
        { payerName: attack.value },
        expect,
      ),
    );
    const q = encodeLoose(attack.value);
    cases.push(rawCase(G, `typeahead q: ${attack.name}`, 'GET', `/api/patients?q=${q}`, undefined));
    cases.push(
      rawCase(
        G,
        `FHIR search name: ${attack.name}`,
        'GET',
        `/fhir/R4/Patient?name=${q}`,
        undefined,
      ),
    );
  }
  return cases;
}
