/** Test helpers: the shared corpus and the R4 JSON schema (never shipped code paths). */
export * from './corpus';
export * from './fhir-schema';
