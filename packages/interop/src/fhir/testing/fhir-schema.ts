/**
 * Test-only validator for the official R4 JSON schema (corpus/fhir-r4-schema). The schema
 * is draft-06 with a draft-04 style `id`; ajv 8 rejects both at the root, so they are
 * removed before compiling. It checks shape and enums only, not invariants.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { corpusDir } from './corpus';

export interface FhirSchema {
  /** Errors as text, empty when `resource` is valid R4 JSON for its resourceType. */
  errors(resource: unknown): string[];
}

export function loadFhirSchema(): FhirSchema {
  const schema = JSON.parse(
    readFileSync(corpusDir('fhir-r4-schema', 'fhir.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addSchema(schema, 'fhir');
  const cache = new Map<string, ValidateFunction>();
  return {
    errors(resource) {
      const type = (resource as { resourceType?: unknown }).resourceType;
      if (typeof type !== 'string') return ['no resourceType'];
      let validate = cache.get(type);
      if (!validate) {
        validate = ajv.getSchema(`fhir#/definitions/${type}`);
        if (!validate) return [`no schema for ${type}`];
        cache.set(type, validate);
      }
      if (validate(resource)) return [];
      return (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
    },
  };
}
