/**
 * Checks every entry gets before mapping: the JSON shape limits that protect the
 * importer (depth, size, prototype keys, control characters) and the resource-level
 * rules of FHIR JSON (https://hl7.org/fhir/R4/json.html).
 */
import type { JsonNode } from './json-node';
import { isRecord } from './json-node';
import { R4_RESOURCE_TYPES, resourceTypeForWrongCase } from '../r4-resource-types';

/** Deeper than any R4 resource goes (Questionnaire.item nests deepest in practice). */
export const MAX_DEPTH = 64;
/** JSON values per import unit; a 20 MB Synthea bundle holds about 400k. */
export const MAX_NODES = 5_000_000;

/** https://hl7.org/fhir/R4/datatypes.html#id */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * FHIR `string` allows whitespace but no other control characters (the regex
 * `[ \r\n\t\S]+` in https://hl7.org/fhir/R4/datatypes.html#string). NUL is the dangerous one:
 * PostgreSQL text rejects it and C-based tools truncate at it.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Keys that would reach Object.prototype if anything ever copied the object generically. */
const POISON_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface WalkBudget {
  nodes: number;
}

/** Walks one resource; reports the first few problems at their paths. */
export function checkJsonShape(node: JsonNode, budget: WalkBudget): boolean {
  let ok = true;
  const visit = (value: unknown, path: string, depth: number): void => {
    budget.nodes += 1;
    if (budget.nodes > MAX_NODES) {
      if (budget.nodes === MAX_NODES + 1) {
        node.sink.add('too-costly', `more than ${MAX_NODES} JSON values`, path);
      }
      ok = false;
      return;
    }
    if (depth > MAX_DEPTH) {
      node.sink.add('too-costly', `nested deeper than ${MAX_DEPTH} levels`, path);
      ok = false;
      return;
    }
    if (typeof value === 'string') {
      if (FORBIDDEN_CONTROL.test(value)) {
        node.sink.add('invalid', 'string contains a control character (e.g. NUL)', path);
        ok = false;
      }
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        node.sink.add('invalid', 'number is not finite', path);
        ok = false;
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, depth + 1));
      return;
    }
    if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        if (POISON_KEYS.has(key)) {
          node.sink.add('security', `forbidden property name "${key}"`, `${path}.${key}`);
          ok = false;
          continue;
        }
        if (FORBIDDEN_CONTROL.test(key)) {
          node.sink.add('invalid', 'property name contains a control character', path);
          ok = false;
          continue;
        }
        visit(value[key], `${path}.${key}`, depth + 1);
      }
      return;
    }
    if (value !== null && typeof value !== 'boolean') {
      node.sink.add('structure', `not a JSON value (${typeof value})`, path);
      ok = false;
    }
  };
  visit(node.value, node.path, 0);
  return ok;
}

/** `resourceType` present, a string, and an R4 type spelled as R4 spells it. */
export function checkResourceType(node: JsonNode): string | undefined {
  const rt = node.get('resourceType');
  if (!rt.present) {
    rt.issue('required', 'resourceType is missing');
    return undefined;
  }
  if (typeof rt.value !== 'string') {
    rt.issue('structure', 'resourceType must be a string');
    return undefined;
  }
  if (!R4_RESOURCE_TYPES.has(rt.value)) {
    const meant = resourceTypeForWrongCase(rt.value);
    rt.issue(
      'invalid',
      meant
        ? `resourceType "${rt.value}" is not an R4 resource type (case matters: "${meant}")`
        : `resourceType "${rt.value.slice(0, 64)}" is not an R4 resource type`,
    );
    return undefined;
  }
  return rt.value;
}

/** Resource.id, when present, must match the R4 id pattern. */
export function checkResourceId(node: JsonNode): string | undefined {
  const id = node.get('id');
  if (!id.present) return undefined;
  if (typeof id.value !== 'string' || !FHIR_ID.test(id.value)) {
    id.issue('invalid', 'id must match [A-Za-z0-9\\-.]{1,64}');
    return undefined;
  }
  return id.value;
}
