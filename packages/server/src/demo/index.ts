export {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_DEMO_PATIENT_COUNT,
  generateDemo,
  generateDemoReference,
  generatePatientsStream,
} from './generate-demo';
export { STAFF_ROLES } from './demo-types';
export type {
  DemoData,
  DemoLanguage,
  DemoOptions,
  DemoStaffMember,
  DemoStreamOptions,
  StaffRole,
} from './demo-types';
export { isValidNpi, npiCheckDigit } from './npi';
export { Rng, mulberry32 } from './random';
