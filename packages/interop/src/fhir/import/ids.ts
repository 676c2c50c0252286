/**
 * CareDesk ids for imported records. Re-importing the same material must land on the
 * same ids (idempotent import), so every id is a pure function of what the source said.
 */
import { createHash } from 'node:crypto';

/**
 * Fixed namespace for CareDesk's name-based (v5) UUIDs. Never change it: every id derived
 * from a non-UUID FHIR id would change with it and re-imports would duplicate records.
 */
export const CAREDESK_ID_NAMESPACE = 'd29d9603-33bd-45ef-b973-ca1eaaa15ec6';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** RFC 9562 §5.5 name-based UUID, SHA-1 flavour (version 5). */
export function uuidV5(name: string, namespace: string = CAREDESK_ID_NAMESPACE): string {
  if (!isUuid(namespace)) throw new TypeError(`not a UUID namespace: ${namespace}`);
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const digest = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The CareDesk id of `resourceType/sourceId`: the source id itself when it already is a
 * UUID (Synthea and most servers), so ids stay recognisable across systems; otherwise a
 * v5 UUID of the source key, because FHIR ids like `example` are only unique per type.
 */
export function careDeskId(resourceType: string, sourceId: string): string {
  return isUuid(sourceId) ? sourceId.toLowerCase() : uuidV5(`${resourceType}/${sourceId}`);
}

/**
 * JSON with object keys sorted, so that two resources equal in content hash equally
 * whatever order their keys came in. Callers bound the depth beforehand (see validation).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** Content hash used as the source id of a resource that has neither id nor fullUrl. */
export function contentHash(value: unknown): string {
  return createHash('sha1').update(canonicalJson(value), 'utf8').digest('hex');
}
