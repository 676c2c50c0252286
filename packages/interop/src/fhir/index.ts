/** @caredesk/interop/fhir: FHIR R4 at CareDesk's edge. */
export * from './operation-outcome';
export * from './capability-statement';
export { mapFhirImport, MAX_ENTRIES } from './import/map-bundle';
export type { FhirImportOptions, FhirImportResult, SkippedEntry } from './import/map-bundle';
export {
  normalizePhone,
  normalizeLanguage,
  normalizeCountry,
} from './import/contact-normalization';
export { decimalToMinorUnits, currencyDigits } from './import/money';
export { careDeskId, uuidV5, CAREDESK_ID_NAMESPACE } from './import/ids';
export { isFhirDate, isFhirDateTime } from './import/fhir-dates';
export {
  patientToFhir,
  relatedPersonToFhir,
  relationshipToFhir,
  CAREDESK_RELATIONSHIP_SYSTEM,
} from './export/patient-to-fhir';
export type { PatientExportOptions } from './export/patient-to-fhir';
export { coverageToFhir } from './export/coverage-to-fhir';
export { searchsetBundle } from './export/searchset-bundle';
export type { SearchsetOptions } from './export/searchset-bundle';
export {
  parsePatientSearch,
  PATIENT_SEARCH_PARAMS,
  DEFAULT_COUNT,
  MAX_COUNT,
} from './search/patient-search';
export type { DatePrefix, PatientSearchQuery, PatientSearchResult } from './search/patient-search';
export * from './export/audit-event-to-fhir';
export { consentToFhir } from './export/consent-to-fhir';
export { caseBundle, caseToTask, caseMessageToCommunication } from './export/case-to-fhir';
export type { CaseForFhir, CaseMessageForFhir } from './export/case-to-fhir';
