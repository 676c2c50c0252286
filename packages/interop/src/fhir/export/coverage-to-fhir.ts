/** Registry -> FHIR R4 Coverage (https://hl7.org/fhir/R4/coverage.html). */
import type { Coverage } from '@caredesk/core';
import type { Coverage as FhirCoverage, CoverageClass } from '@medplum/fhirtypes';

const COVERAGE_CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';
const SUBSCRIBER_RELATIONSHIP = 'http://terminology.hl7.org/CodeSystem/subscriber-relationship';

export function coverageToFhir(
  coverage: Coverage,
  opts: { baseUrl?: string | undefined } = {},
): FhirCoverage {
  const base = opts.baseUrl ? `${opts.baseUrl.replace(/\/+$/, '')}/` : '';
  const classes: CoverageClass[] = [];
  if (coverage.groupNumber) {
    classes.push({
      type: { coding: [{ system: COVERAGE_CLASS, code: 'group' }] },
      value: coverage.groupNumber,
    });
  }
  if (coverage.planName) {
    classes.push({
      type: { coding: [{ system: COVERAGE_CLASS, code: 'plan' }] },
      value: coverage.planName,
      name: coverage.planName,
    });
  }
  const result: FhirCoverage = {
    resourceType: 'Coverage',
    id: coverage.id,
    status: coverage.status,
    beneficiary: { reference: `${base}Patient/${coverage.patientId}` },
    relationship: {
      coding: [{ system: SUBSCRIBER_RELATIONSHIP, code: coverage.relationship }],
    },
    // Coverage.payor is 1..*: a payer known only by name is a display-only Reference.
    payor: [
      {
        display: coverage.payerName || 'Unknown payer',
        ...(coverage.payerId ? { identifier: { value: coverage.payerId } } : {}),
      },
    ],
    order: coverage.order,
  };
  if (coverage.memberId) result.identifier = [{ value: coverage.memberId }];
  if (coverage.subscriberId) result.subscriberId = coverage.subscriberId;
  if (coverage.periodStart || coverage.periodEnd) {
    result.period = {
      ...(coverage.periodStart ? { start: coverage.periodStart } : {}),
      ...(coverage.periodEnd ? { end: coverage.periodEnd } : {}),
    };
  }
  if (classes.length > 0) result.class = classes;
  return result;
}
