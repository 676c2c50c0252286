import type { ImportResult } from '../../registry-import/import-service';

/**
 * The transaction-response Bundle (https://hl7.org/fhir/R4/http.html#transaction-response):
 * one entry per request entry, in order. Entries CareDesk does not keep (Observation,
 * Procedure, ...) are answered 200 with an informational outcome saying so, rather than
 * pretending they were stored.
 */
export function transactionResponse(
  request: { type?: unknown; entry?: unknown },
  result: ImportResult,
): object {
  const count = Array.isArray(request.entry) ? request.entry.length : 0;
  const stored = new Map<number, string>();
  // The first record mapped from an entry names it (contained resources come after).
  for (const s of result.stored)
    if (s.entryIndex >= 0 && !stored.has(s.entryIndex)) stored.set(s.entryIndex, s.location);
  const skipped = new Map(result.skippedEntries.map((s) => [s.entryIndex, s.resourceType]));
  const entry = Array.from({ length: count }, (_, i) => {
    const location = stored.get(i);
    if (location) return { response: { status: '200 OK', location } };
    const type = skipped.get(i) ?? 'resource';
    return {
      response: {
        status: '200 OK',
        outcome: {
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'information',
              code: 'informational',
              diagnostics: `CareDesk does not store ${type} resources; this entry was read and not kept.`,
            },
          ],
        },
      },
    };
  });
  return { resourceType: 'Bundle', type: `${String(request.type)}-response`, entry };
}
