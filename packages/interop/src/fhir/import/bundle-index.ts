/**
 * What the importer knows about every resource in one import unit: its CareDesk id, its
 * source key, and how other resources may point at it (fullUrl, Type/id, identifier).
 * https://hl7.org/fhir/R4/bundle.html#references
 */
import { careDeskId, contentHash, isUuid, uuidV5 } from './ids';
import type { JsonNode } from './json-node';

export interface IndexedResource {
  /** Index of the bundle entry (of the container, for contained resources); -1 when lone. */
  entryIndex: number;
  resourceType: string;
  /** The id the source gave it (or the fullUrl's UUID, or a content hash). */
  sourceId: string;
  /** `Type/sourceId`, or `Container/id#local` for a contained resource. */
  sourceKey: string;
  /** The CareDesk id. */
  id: string;
  node: JsonNode;
  fullUrl?: string | undefined;
  /** For contained resources: the resource that contains it. */
  container?: IndexedResource | undefined;
}

/**
 * Source id of an entry: Resource.id; else the UUID of a `urn:uuid:` fullUrl (Synthea
 * style), else the last segment of a RESTful fullUrl; else a hash of the content so that
 * importing the same anonymous resource twice still lands on one record.
 */
export function sourceIdOf(
  resourceType: string,
  id: string | undefined,
  fullUrl: string | undefined,
  resource: unknown,
): string {
  if (id !== undefined) return id;
  if (fullUrl !== undefined) {
    const uuid = /^urn:uuid:(.+)$/i.exec(fullUrl)?.[1];
    if (uuid !== undefined && isUuid(uuid)) return uuid.toLowerCase();
    const restful = new RegExp(`/${resourceType}/([A-Za-z0-9\\-.]{1,64})(/_history/.*)?$`).exec(
      fullUrl,
    )?.[1];
    if (restful !== undefined) return restful;
    const oid = /^urn:oid:([0-2](\.(0|[1-9]\d*))+)$/.exec(fullUrl)?.[1];
    if (oid !== undefined) return oid;
  }
  return `sha1-${contentHash(resource)}`;
}

export function indexedEntry(
  entryIndex: number,
  resourceType: string,
  sourceId: string,
  node: JsonNode,
  fullUrl: string | undefined,
): IndexedResource {
  return {
    entryIndex,
    resourceType,
    sourceId,
    sourceKey: `${resourceType}/${sourceId}`,
    id: careDeskId(resourceType, sourceId),
    node,
    fullUrl,
  };
}

/** A contained resource gets an id derived from its container, as its own id is only local. */
export function indexedContained(
  container: IndexedResource,
  localId: string,
  resourceType: string,
  node: JsonNode,
): IndexedResource {
  const sourceKey = `${container.sourceKey}#${localId}`;
  return {
    entryIndex: container.entryIndex,
    resourceType,
    sourceId: `${container.sourceId}#${localId}`,
    sourceKey,
    id: uuidV5(sourceKey),
    node,
    container,
  };
}

export class BundleIndex {
  readonly entries: IndexedResource[] = [];
  private readonly byFullUrl = new Map<string, IndexedResource>();
  private readonly byTypeAndId = new Map<string, IndexedResource>();
  private readonly byIdentifier = new Map<string, IndexedResource[]>();
  private readonly containedCache = new Map<IndexedResource, Map<string, IndexedResource>>();
  /** fullUrls of entries already reported as broken: references to them add no new issue. */
  private readonly brokenUrls = new Set<string>();

  markBroken(fullUrl: string): void {
    this.brokenUrls.add(fullUrl);
  }

  isBroken(fullUrl: string): boolean {
    return this.brokenUrls.has(fullUrl);
  }

  add(entry: IndexedResource): void {
    this.entries.push(entry);
    if (entry.fullUrl !== undefined) this.byFullUrl.set(entry.fullUrl, entry);
    this.byTypeAndId.set(entry.sourceKey, entry);
    for (const ident of entry.node.list('identifier')) {
      const system = ident.record?.system;
      const value = ident.record?.value;
      if (typeof value !== 'string') continue;
      const sys = typeof system === 'string' ? system : '';
      for (const key of [
        `${entry.resourceType}|${sys}|${value}`,
        `${entry.resourceType}||${value}`,
      ]) {
        const list = this.byIdentifier.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        this.byIdentifier.set(key, list);
      }
    }
  }

  byUrl(fullUrl: string): IndexedResource | undefined {
    return this.byFullUrl.get(fullUrl);
  }

  byKey(resourceType: string, sourceId: string): IndexedResource | undefined {
    return this.byTypeAndId.get(`${resourceType}/${sourceId}`);
  }

  /** Entries of a type carrying an identifier; system undefined matches any system. */
  withIdentifier(resourceType: string, system: string | undefined, value: string) {
    return this.byIdentifier.get(`${resourceType}|${system ?? ''}|${value}`) ?? [];
  }

  /** The contained resources of a top-level resource, by local id. */
  contained(container: IndexedResource): Map<string, IndexedResource> {
    const top = container.container ?? container;
    let map = this.containedCache.get(top);
    if (!map) {
      map = new Map();
      for (const c of top.node.list('contained')) {
        const id = c.record?.id;
        const type = c.record?.resourceType;
        if (typeof id === 'string' && typeof type === 'string' && !map.has(id)) {
          map.set(id, indexedContained(top, id, type, c));
        }
      }
      this.containedCache.set(top, map);
    }
    return map;
  }
}
