import type { AuditEntry } from '@caredesk/core';
import { AUDIT_COLUMNS } from './audit-rows';

/**
 * Column order of an audit CSV export (ONC 170.315(d)(3): every field, sortable): the
 * stored columns, with the time second so a spreadsheet sorts by it naturally.
 */
export const AUDIT_CSV_COLUMNS: readonly string[] = [
  'seq',
  'occurred_at',
  ...AUDIT_COLUMNS.filter((c) => c !== 'seq' && c !== 'occurred_at'),
];

/**
 * One CSV field: RFC 4180 quoting (fields holding a quote, comma, CR or LF are quoted,
 * quotes doubled), and spreadsheet formula injection neutralised (OWASP CSV injection):
 * a cell starting with = + - @ tab or CR gets a leading apostrophe, so `=HYPERLINK(...)`
 * in a user agent or name is shown as text, not evaluated.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return AUDIT_CSV_COLUMNS.join(',') + '\r\n';
}

/** One entry as one CSV record (CRLF-terminated, as RFC 4180 says). */
export function auditCsvRecord(e: AuditEntry): string {
  const cells: (string | number | boolean | null)[] = [
    e.seq,
    e.occurredAt,
    e.organizationId,
    e.actorKind,
    e.actorId,
    e.actorName,
    e.actorRoles.join(' '),
    e.onBehalfOf,
    e.patientId,
    e.action,
    e.resourceType,
    e.resourceId,
    e.outcome,
    e.purposeOfUse,
    e.sourceAddress,
    e.userAgent,
    e.breakGlass,
    e.detail,
    e.prevHash,
    e.hash,
  ];
  return cells.map(csvField).join(',') + '\r\n';
}

/** Header then one record per entry, lazily: any number of entries in constant memory. */
export async function* auditCsv(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
): AsyncGenerator<string> {
  yield csvHeader();
  for await (const e of entries) yield auditCsvRecord(e);
}
