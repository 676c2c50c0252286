import type { AuditEntry } from '@caredesk/core';
import { auditEventToFhir } from '@caredesk/interop/fhir';
import type { AuditEventOptions } from '@caredesk/interop/fhir';

export { auditCsv } from './audit-csv';

/**
 * A collection Bundle of AuditEvents as JSON text, written entry by entry so an export of
 * any range runs in constant memory. No `entry` array at all when there are no entries
 * (FHIR JSON forbids empty arrays).
 */
export async function* auditFhirBundleJson(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  opts: AuditEventOptions & { timestamp: string },
): AsyncGenerator<string> {
  yield `{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(opts.timestamp)}`;
  let first = true;
  for await (const e of entries) {
    yield (first ? ',"entry":[' : ',') + JSON.stringify({ resource: auditEventToFhir(e, opts) });
    first = false;
  }
  yield first ? '}\n' : ']}\n';
}
