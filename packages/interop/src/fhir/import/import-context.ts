/**
 * State of one import: the batch being filled, the index of the unit, the issues, and
 * reference resolution (https://hl7.org/fhir/R4/references.html, and for bundles
 * https://hl7.org/fhir/R4/bundle.html#references).
 */
import type { ImportBatch } from '@caredesk/core';
import type { BundleIndex, IndexedResource } from './bundle-index';
import { careDeskId } from './ids';
import type { IssueSink, JsonNode } from './json-node';
import type { DatatypeOptions } from './map-datatypes';
import { R4_RESOURCE_TYPES } from '../r4-resource-types';

export interface RefTarget {
  resourceType: string;
  id: string;
  /** Present when the target is in this unit (an entry or a contained resource). */
  resource?: IndexedResource | undefined;
}

export interface ImportOptions extends DatatypeOptions {
  organizationId: string;
  /** ISO date "today" for age-dependent rules (parent of a minor); absent -> not applied. */
  asOf?: string | undefined;
}

export type ResourceMapper = (ctx: ImportContext, res: IndexedResource) => void;

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE = /^https?:\/\/\S+\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/\S+)?$/;

export class ImportContext {
  /** Hoisted contained resources already mapped, by CareDesk id. */
  private readonly hoisted = new Set<string>();

  constructor(
    readonly batch: ImportBatch,
    readonly index: BundleIndex,
    readonly sink: IssueSink,
    readonly opts: ImportOptions,
    private readonly mappers: Readonly<Record<string, ResourceMapper>>,
  ) {}

  /**
   * The CareDesk target of the Reference at `owner.key`, or null.
   * - `required`: a missing or unresolvable reference is an issue (e.g. Encounter.subject).
   * - `types`: accepted target types; others are ignored when optional, reported when
   *   required (a Group subject cannot become a CareDesk patient).
   * Broken references (unknown urn:uuid, dangling #local) are always reported.
   */
  ref(
    owner: JsonNode,
    key: string,
    from: IndexedResource,
    types: readonly string[],
    required = false,
  ): RefTarget | null {
    const refNode = owner.object(key);
    const what = `${key} must reference a ${types.join(' or ')}`;
    if (!refNode) {
      if (required) owner.get(key).issue('required', `${what}; it is missing`);
      return null;
    }
    return this.refNode(refNode, from, types, required, what);
  }

  refNode(
    refNode: JsonNode,
    from: IndexedResource,
    types: readonly string[],
    required: boolean,
    what = `reference must point to a ${types.join(' or ')}`,
  ): RefTarget | null {
    const target = this.resolve(refNode, from);
    if (target === 'broken') return null;
    if (target === null) {
      if (required) refNode.issue('required', `${what}; none could be resolved`);
      return null;
    }
    if (!types.includes(target.resourceType)) {
      if (required) refNode.issue('invalid', `${what}, not a ${target.resourceType}`);
      return null;
    }
    if (target.resource?.container && this.mappers[target.resourceType]) {
      this.hoist(target.resource);
    }
    return target;
  }

  /** Maps a contained resource into the batch once (e.g. EOB's `#coverage`). */
  hoist(res: IndexedResource): void {
    if (this.hoisted.has(res.id)) return;
    this.hoisted.add(res.id);
    this.mappers[res.resourceType]?.(this, res);
  }

  private resolve(refNode: JsonNode, from: IndexedResource): RefTarget | null | 'broken' {
    const reference = refNode.string('reference');
    if (reference === undefined) {
      // Logical reference (Reference.identifier): resolvable only against this unit.
      const ident = refNode.object('identifier');
      const value = ident?.string('value');
      const type = refNode.string('type');
      if (!ident || value === undefined || type === undefined) return null;
      return this.byIdentifier(refNode, type, ident.string('system'), value);
    }
    if (reference.startsWith('#')) {
      const local = this.index.contained(from).get(reference.slice(1));
      if (!local) {
        refNode.get('reference').issue('not-found', `no contained resource ${reference}`);
        return 'broken';
      }
      return { resourceType: local.resourceType, id: local.id, resource: local };
    }
    const entry = this.index.byUrl(reference);
    if (entry) return { resourceType: entry.resourceType, id: entry.id, resource: entry };
    if (this.index.isBroken(reference)) return 'broken';
    if (/^urn:(uuid|oid):/i.test(reference)) {
      refNode
        .get('reference')
        .issue('not-found', `${reference.slice(0, 80)} is not the fullUrl of any entry`);
      return 'broken';
    }
    const conditional = /^([A-Z][A-Za-z]+)\?(.*)$/.exec(reference);
    if (conditional) return this.conditional(refNode, conditional[1]!, conditional[2]!);
    const relative = RELATIVE.exec(reference);
    if (relative && R4_RESOURCE_TYPES.has(relative[1]!)) {
      const [, type, id] = relative as unknown as [string, string, string];
      const inBundle = this.index.byKey(type, id);
      if (inBundle) return { resourceType: type, id: inBundle.id, resource: inBundle };
      // Not in this unit: the store checks that the record exists; we only compute its id.
      return { resourceType: type, id: careDeskId(type, id) };
    }
    if (ABSOLUTE.test(reference)) return null; // another server's resource: not ours to link
    refNode.get('reference').issue('invalid', `malformed reference "${reference.slice(0, 80)}"`);
    return 'broken';
  }

  /** `Type?identifier=system|value` (https://hl7.org/fhir/R4/bundle.html#references). */
  private conditional(refNode: JsonNode, type: string, query: string): RefTarget | null | 'broken' {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(query);
    } catch {
      refNode.get('reference').issue('invalid', 'malformed conditional reference');
      return 'broken';
    }
    const identifier = params.get('identifier');
    if (identifier === null || [...params.keys()].length !== 1) return null;
    const bar = identifier.indexOf('|');
    const system = bar >= 0 ? identifier.slice(0, bar) : undefined;
    const value = bar >= 0 ? identifier.slice(bar + 1) : identifier;
    return this.byIdentifier(refNode, type, system, value);
  }

  private byIdentifier(
    refNode: JsonNode,
    type: string,
    system: string | undefined,
    value: string,
  ): RefTarget | null | 'broken' {
    const found = this.index.withIdentifier(type, system, value);
    if (found.length > 1) {
      refNode.issue(
        'multiple-matches',
        `${found.length} ${type} entries match ${value.slice(0, 64)}`,
      );
      return 'broken';
    }
    const hit = found[0];
    return hit ? { resourceType: hit.resourceType, id: hit.id, resource: hit } : null;
  }

  /** Source reference of a record, for error reporting and idempotent upsert. */
  source(res: IndexedResource): { entryIndex: number; sourceKey: string } {
    return { entryIndex: res.entryIndex, sourceKey: res.sourceKey };
  }
}
