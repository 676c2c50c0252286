/**
 * The server's R4 CapabilityStatement (https://hl7.org/fhir/R4/capabilitystatement.html),
 * served at /metadata. It lists only what the server does: Patient read and search, and
 * system-level transaction (the import). Types that are only imported through a
 * transaction are not listed, since listing a resource promises interactions on it.
 */
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { PATIENT_SEARCH_PARAMS } from './search/patient-search';

export interface CapabilityOptions {
  baseUrl: string;
  softwareVersion: string;
  /** ISO instant of publication; passed in because interop reads no clock. */
  now: string;
}

export function capabilityStatement(opts: CapabilityOptions): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: opts.now,
    publisher: 'CareDesk',
    // cpb-2 wants description, software or implementation; an instance describes itself
    // through implementation (its URL), so both software and implementation are given.
    kind: 'instance',
    software: { name: 'CareDesk', version: opts.softwareVersion },
    implementation: { description: 'CareDesk FHIR R4 API', url: opts.baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: PATIENT_SEARCH_PARAMS.map((p) => ({
              name: p.name,
              definition: p.definition,
              type: p.type,
              documentation: p.documentation,
            })),
          },
        ],
        interaction: [{ code: 'transaction' }],
      },
    ],
  };
}
