/**
 * FHIR R4 import: a Bundle (transaction, batch, collection or searchset) or one resource
 * -> a core ImportBatch. All or nothing: any problem rejects the whole unit with an
 * OperationOutcome naming every bad entry, so a half-imported bundle never exists.
 */
import type { ImportBatch } from '@caredesk/core';
import { emptyImportBatch } from '@caredesk/core';
import type { OperationOutcome } from '@medplum/fhirtypes';
import type { IssueInput } from '../operation-outcome';
import { operationOutcome } from '../operation-outcome';
import { BundleIndex, indexedEntry, sourceIdOf } from './bundle-index';
import type { IndexedResource } from './bundle-index';
import type { ImportOptions, ResourceMapper } from './import-context';
import { ImportContext } from './import-context';
import { IssueSink, JsonNode, isRecord } from './json-node';
import { mapCarePlan, mapCondition, mapEncounter, mapMedicationRequest } from './map-clinical';
import { mapLocation, mapOrganization, mapPractitioner } from './map-directory';
import { mapClaim, mapCoverage, mapExplanationOfBenefit } from './map-financial';
import { mapPatient, mapRelatedPerson } from './map-patient';
import { checkJsonShape, checkResourceId, checkResourceType } from './validate-structure';
import type { WalkBudget } from './validate-structure';

export interface FhirImportOptions {
  /** The tenant importing; the store stamps it on patients (core ImportedPatient omits it). */
  organizationId: string;
  /** Dial plan for national phone numbers (ISO 3166-1 alpha-2). Default US (Synthea). */
  defaultCountry?: string | undefined;
  /** Currency for Money without one. Default USD. */
  defaultCurrency?: string | undefined;
  /** Today (YYYY-MM-DD), for the parent-of-a-minor caregiver rule; omitted -> not applied. */
  asOf?: string | undefined;
}

export interface SkippedEntry {
  entryIndex: number;
  resourceType: string;
}

export type FhirImportResult =
  | { ok: true; batch: ImportBatch; skipped: SkippedEntry[] }
  | { ok: false; outcome: OperationOutcome };

/** Bundle.type values accepted (https://hl7.org/fhir/R4/valueset-bundle-type.html). */
const ACCEPTED_BUNDLE_TYPES = new Set(['transaction', 'batch', 'collection', 'searchset']);
const OTHER_BUNDLE_TYPES = new Set([
  'document',
  'message',
  'history',
  'transaction-response',
  'batch-response',
]);

/** Above this many entries the unit must be split; too-costly, not invalid. */
export const MAX_ENTRIES = 100_000;

const MAPPERS: Readonly<Record<string, ResourceMapper>> = {
  Patient: mapPatient,
  RelatedPerson: mapRelatedPerson,
  Practitioner: mapPractitioner,
  Organization: mapOrganization,
  Location: mapLocation,
  Encounter: mapEncounter,
  Condition: mapCondition,
  MedicationRequest: mapMedicationRequest,
  CarePlan: mapCarePlan,
  Claim: mapClaim,
  ExplanationOfBenefit: mapExplanationOfBenefit,
  Coverage: mapCoverage,
};

/** Issues in entry order (structure checks run before mapping, so they come first otherwise). */
function fail(sink: IssueSink): FhirImportResult {
  const entryOf = (expression: IssueInput['expression']): number => {
    const first = Array.isArray(expression) ? expression[0] : expression;
    const m = first === undefined ? null : /^Bundle\.entry\[(\d+)\]/.exec(first);
    // Issues without an entry (Bundle.type, the "N more" note) sort by position: type first.
    return m ? Number(m[1]) : first === 'Bundle.type' ? -1 : Number.MAX_SAFE_INTEGER;
  };
  const issues = sink.all().sort((a, b) => entryOf(a.expression) - entryOf(b.expression));
  return { ok: false, outcome: operationOutcome(issues) };
}

/** Checks one resource and indexes it; undefined when it cannot be mapped. */
function indexResource(
  node: JsonNode,
  entryIndex: number,
  fullUrl: string | undefined,
  budget: WalkBudget,
): IndexedResource | undefined {
  if (!node.record) {
    node.issue('structure', 'resource must be a JSON object');
    return undefined;
  }
  const shapeOk = checkJsonShape(node, budget);
  const type = checkResourceType(node);
  const id = checkResourceId(node);
  if (!shapeOk || type === undefined || (node.get('id').present && id === undefined)) {
    return undefined;
  }
  return indexedEntry(entryIndex, type, sourceIdOf(type, id, fullUrl, node.value), node, fullUrl);
}

/**
 * Reads Bundle.type and the entries into the index. False when the bundle as a whole is
 * unusable (nothing is mapped then); bad entries are reported and left out while the rest
 * are still mapped, so that one answer names every problem.
 */
function readBundle(root: JsonNode, index: BundleIndex): boolean {
  const type = root.string('type');
  if (type === undefined) {
    root.get('type').issue('required', 'Bundle.type is missing');
  } else if (OTHER_BUNDLE_TYPES.has(type)) {
    root.get('type').issue('not-supported', `Bundle.type "${type}" is not importable`);
  } else if (!ACCEPTED_BUNDLE_TYPES.has(type)) {
    root
      .get('type')
      .issue('code-invalid', `Bundle.type "${type.slice(0, 32)}" is not in bundle-type`);
  }
  const entryValue = root.get('entry').value;
  if (entryValue !== undefined && !Array.isArray(entryValue)) {
    root.get('entry').issue('structure', 'Bundle.entry must be an array');
    return false;
  }
  if (Array.isArray(entryValue) && entryValue.length > MAX_ENTRIES) {
    root
      .get('entry')
      .issue('too-costly', `${entryValue.length} entries; the limit is ${MAX_ENTRIES}`);
    return false;
  }
  const seenUrls = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  const budget: WalkBudget = { nodes: 0 };
  root.list('entry').forEach((entry, i) => {
    if (!entry.record) {
      entry.issue('structure', 'entry must be a JSON object');
      return;
    }
    const fullUrl = entry.string('fullUrl');
    if (fullUrl !== undefined) {
      const first = seenUrls.get(fullUrl);
      if (first !== undefined) {
        entry.get('fullUrl').issue('duplicate', `fullUrl repeats Bundle.entry[${first}].fullUrl`);
        return;
      }
      seenUrls.set(fullUrl, i);
    }
    const markBroken = (): void => {
      if (fullUrl !== undefined) index.markBroken(fullUrl);
    };
    const resource = entry.get('resource');
    if (!resource.present) {
      const method = entry.object('request')?.string('method');
      if (method === 'DELETE' || method === 'GET' || method === 'HEAD') {
        entry.get('request').issue('not-supported', `${method} entries are not importable`);
      } else {
        resource.issue('required', 'entry has no resource');
      }
      return;
    }
    // An entry asks for a create (POST) or an upsert (PUT); anything else (DELETE, PATCH,
    // a malformed request) must not be quietly imported as a write.
    if (entry.get('request').present) {
      const method = entry.object('request')?.string('method');
      if (method !== 'POST' && method !== 'PUT') {
        entry
          .get('request')
          .issue('not-supported', `${String(method)} entries are not importable: use POST or PUT`);
        markBroken();
        return;
      }
    }
    const indexed = indexResource(resource, i, fullUrl, budget);
    if (!indexed) {
      markBroken();
      return;
    }
    // Two entries mapping to one CareDesk id would make the batch ambiguous.
    const first = seenKeys.get(indexed.id);
    if (first !== undefined) {
      resource.issue('duplicate', `${indexed.sourceKey} repeats Bundle.entry[${first}]`);
      markBroken();
      return;
    }
    seenKeys.set(indexed.id, i);
    index.add(indexed);
  });
  return true;
}

function run(input: unknown, opts: FhirImportOptions): FhirImportResult {
  const sink = new IssueSink();
  if (typeof opts.organizationId !== 'string' || opts.organizationId.trim() === '') {
    sink.add('required', 'organizationId is required', 'organizationId');
    return fail(sink);
  }
  if (!isRecord(input)) {
    sink.add('structure', 'input is not a JSON object', '$');
    return fail(sink);
  }
  const index = new BundleIndex();
  const isBundle = input.resourceType === 'Bundle';
  const root = new JsonNode(input, isBundle ? 'Bundle' : '$', sink);
  if (isBundle) {
    if (!readBundle(root, index)) return fail(sink);
  } else {
    // A lone resource: its path is its type, so issues read `Claim.patient`.
    const rt = typeof input.resourceType === 'string' ? input.resourceType : '$';
    const node = new JsonNode(input, /^[A-Za-z]{1,64}$/.test(rt) ? rt : '$', sink);
    const indexed = indexResource(node, -1, undefined, { nodes: 0 });
    if (!indexed) return fail(sink);
    index.add(indexed);
  }

  const importOptions: ImportOptions = {
    organizationId: opts.organizationId,
    defaultCountry: opts.defaultCountry ?? 'US',
    defaultCurrency: opts.defaultCurrency ?? 'USD',
    asOf: opts.asOf,
  };
  const batch = emptyImportBatch();
  const ctx = new ImportContext(batch, index, sink, importOptions, MAPPERS);
  const skipped: SkippedEntry[] = [];
  for (const res of index.entries) {
    const mapper = MAPPERS[res.resourceType];
    if (mapper) mapper(ctx, res);
    else skipped.push({ entryIndex: res.entryIndex, resourceType: res.resourceType });
  }
  if (sink.count > 0) return fail(sink);
  return { ok: true, batch, skipped };
}

/**
 * Maps a FHIR R4 import unit to a CareDesk ImportBatch. Never throws: anything unexpected
 * becomes an OperationOutcome with code `exception`.
 */
export function mapFhirImport(input: unknown, opts: FhirImportOptions): FhirImportResult {
  try {
    return run(input, opts);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      outcome: operationOutcome([
        { code: 'exception', diagnostics: `import failed unexpectedly: ${message.slice(0, 200)}` },
      ]),
    };
  }
}
