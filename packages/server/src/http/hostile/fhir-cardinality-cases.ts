import { jsonCase, type HostileCase } from './hostile-harness';
import { bundle, entry, patient } from './fhir-bundle-cases';

/**
 * Cardinality: the JSON API caps a patient at 10 names, 20 identifiers, 20 telecoms, but a
 * FHIR Patient is not capped. Any non-5xx answer is right (accept, or refuse as too costly).
 * Known bug when written: thousands of distinct names, identifiers or phones make one
 * multi-row INSERT in writePatient (storage/patients/patient-rows.ts) exceed SQLite's
 * 32,766 bound parameters: "too many SQL variables", a 500.
 */
export function fhirCardinalityCases(): HostileCase[] {
  const many = <T>(n: number, item: (i: number) => T): T[] =>
    Array.from({ length: n }, (_, i) => item(i));
  const one = (name: string, extra: Record<string, unknown>): HostileCase =>
    jsonCase('fhir-bundles', name, 'POST', '/fhir/R4', bundle([entry(patient(extra))]), undefined);
  return [
    one('10,000 identical names', { name: many(10_000, () => ({ family: 'Same' })) }),
    one('10,000 distinct names', {
      name: many(10_000, (i) => ({ family: `Family${i}`, given: [`G${i}`] })),
    }),
    one('10,000 identifiers', {
      identifier: many(10_000, (i) => ({ system: 'urn:hostile:many', value: `v${i}` })),
    }),
    one('10,000 phone numbers', {
      telecom: many(10_000, (i) => ({
        system: 'phone',
        value: `+1312${String(i).padStart(7, '0')}`,
      })),
    }),
    one('10,000 addresses', {
      address: many(10_000, (i) => ({ line: [`${i} Main St`], city: `City${i}` })),
    }),
  ];
}
